package io.gridbot.runner.web;

import static io.gridbot.runner.web.DashboardFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gridbot.persistence.token.TokenScope;
import io.gridbot.runner.api.TokenMint;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The API with {@code Authorization: Bearer}: read tokens read, control tokens also change things, neither needs
 * a CSRF token, unknown and revoked tokens get 401 with {@code WWW-Authenticate}, pages still need a login, and
 * no token ever reaches the log.
 */
class BearerTokenHttpTest {

    @TempDir
    Path dir;

    private DashboardFixture f;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private String readToken;
    private String controlToken;

    @BeforeEach
    void start() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        f = new DashboardFixture(dir);
        readToken = token("grafana", TokenScope.READ);
        controlToken = token("ci", TokenScope.CONTROL);
    }

    @AfterEach
    void stop() {
        f.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    }

    private String token(String name, TokenScope scope) {
        String token = TokenMint.mint();
        f.db.apiTokens().create(name, scope, TokenMint.hash(token), System.currentTimeMillis());
        return token;
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(f.uri(path)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(f.uri(path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aReadTokenReadsTheApiAndTheCsvDownloadsButMayNotPost() throws Exception {
        assertThat(get("/api/grids", readToken).statusCode()).isEqualTo(200);
        assertThat(get("/api/grids/g", readToken).body()).contains("\"name\":\"g\"");
        assertThat(get("/api/grids/g/statistics?period=DAY_1", readToken).statusCode()).isEqualTo(200);
        assertThat(get("/grids/g/export/fills.csv", readToken).statusCode()).isEqualTo(200);

        HttpResponse<String> control = post("/api/grids/g/control", readToken, "{\"action\":\"start\"}");
        assertThat(control.statusCode()).isEqualTo(403);
        assertThat(control.body()).contains("read scope");
        assertThat(control.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h ->
                assertThat(h).startsWith("Bearer").contains("insufficient_scope"));
        assertThat(f.db.runtime().pending(f.gridId)).as("nothing was asked of the daemon").isEmpty();
    }

    @Test
    void aControlTokenChangesThingsWithoutACsrfTokenAndIsNamedInTheRequest() throws Exception {
        HttpResponse<String> started = post("/api/grids/g/control", controlToken, "{\"action\":\"start\"}");
        assertThat(started.statusCode()).as(started.body()).isIn(200, 202);
        await("the grid runs", () -> {
            f.trade("26050.0");
            return f.db.runtime().status(f.gridId) == io.gridbot.core.status.GridStatus.RUNNING;
        });
        assertThat(f.db.dsl().fetchValue("select requested_by from grid_control")).isEqualTo("api:ci");
    }

    @Test
    void theServersOwnControlTokenIsAccepted() throws Exception {
        assertThat(f.server.controlToken()).startsWith("gbt_");
        assertThat(get("/api/grids", f.server.controlToken()).statusCode()).isEqualTo(200);
        HttpResponse<String> paused = post("/api/grids/g/control", f.server.controlToken(), "{\"action\":\"pause\"}");
        assertThat(paused.statusCode()).as(paused.body()).isNotIn(401, 403);
    }

    @Test
    void unknownMalformedAndRevokedTokensGet401WithAChallenge() throws Exception {
        for (String bad : new String[] {TokenMint.mint(), "gbt_short", "not-a-token"}) {
            HttpResponse<String> refused = get("/api/grids", bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h ->
                    assertThat(h).startsWith("Bearer"));
        }
        assertThat(f.db.apiTokens().revoke("grafana", System.currentTimeMillis())).isTrue();
        assertThat(get("/api/grids", readToken).statusCode()).isEqualTo(401);
        assertThat(post("/api/grids/g/control", TokenMint.mint(), "{\"action\":\"start\"}").statusCode()).isEqualTo(401);

        HttpResponse<String> anonymous = get("/api/grids", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    }

    @Test
    void pagesStillNeedALoginWhateverTokenIsSent() throws Exception {
        HttpResponse<String> page = get("/grids/g", controlToken);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void aUseIsRecordedAsTheTokensLastUse() throws Exception {
        assertThat(f.db.apiTokens().find("grafana").orElseThrow().lastUsedAt()).isNull();
        long before = System.currentTimeMillis();
        assertThat(get("/api/grids", readToken).statusCode()).isEqualTo(200);
        assertThat(f.db.apiTokens().find("grafana").orElseThrow().lastUsedAt()).isGreaterThanOrEqualTo(before);
        assertThat(f.db.apiTokens().find("ci").orElseThrow().lastUsedAt()).as("another token").isNull();
    }

    @Test
    void noTokenEverReachesTheLog() throws Exception {
        String revoked = token("old", TokenScope.CONTROL);
        f.db.apiTokens().revoke("old", System.currentTimeMillis());
        String unknown = TokenMint.mint();
        get("/api/grids", readToken);
        post("/api/grids/g/control", readToken, "{\"action\":\"start\"}");
        post("/api/grids/g/control", controlToken, "{\"action\":\"start\"}");
        post("/api/grids/g/control", controlToken, "not json");
        get("/api/grids", revoked);
        get("/api/grids", unknown);
        get("/api/grids", f.server.controlToken());
        await("the refusal logged", () -> log.list.stream().anyMatch(e -> e.getFormattedMessage().contains("refused")));

        String logged = log.list.stream().map(e -> e.getFormattedMessage() + " " + (e.getThrowableProxy() == null ? ""
                : e.getThrowableProxy().getMessage())).collect(Collectors.joining("\n"));
        for (String secret : new String[] {readToken, controlToken, revoked, unknown, f.server.controlToken()}) {
            assertThat(logged).doesNotContain(secret).doesNotContain(secret.substring(4))
                    .doesNotContain(TokenMint.hash(secret));
        }
    }
}
