package io.gridbot.runner.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.log.LogType;
import io.gridbot.runner.web.grid.ConfigDocument;
import io.gridbot.runner.web.grid.ControlOutcome;
import io.gridbot.runner.web.grid.GridRow;
import io.gridbot.runner.web.grid.GridSnapshot;
import io.gridbot.runner.web.grid.LogFilter;
import io.gridbot.runner.web.grid.LogPage;
import io.gridbot.runner.web.grid.StatisticsReport;
import io.gridbot.stats.metrics.Period;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A running daemon's HTTP API, read into the same documents the database path builds: JSON over the JDK's HTTP
 * client with a bearer token. Nothing here touches the database, so a command answered this way loads none of
 * the persistence stack. Nothing listening, or no answer in time, is {@link DaemonUnreachable} (the caller asks
 * the database instead); an answer that refuses the request is {@link DaemonRefused}. A control is only ever
 * retried elsewhere when it never reached the daemon.
 */
public final class DaemonApi implements GridSource {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES); // a newer daemon may say more
    /** How much longer than the control's own waits its answer may take. */
    private static final long CONTROL_MARGIN_MS = 10_000;

    private final URI base;
    private final String token;
    private final Duration readTimeout;
    private final HttpClient http;

    /**
     * @param api            the API's base address, e.g. {@code http://127.0.0.1:8080/}
     * @param token          the bearer token, or {@code null} to send none
     * @param connectTimeout how long to wait for a connection before the daemon counts as absent
     * @param readTimeout    how long a read may take before the daemon counts as absent
     */
    public DaemonApi(URI api, String token, Duration connectTimeout, Duration readTimeout) {
        String text = api.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String where() {
        return "the daemon at " + base;
    }

    @Override
    public List<GridRow> grids() {
        return get("api/grids", new TypeReference<List<GridRow>>() { }).orElse(List.of());
    }

    @Override
    public Optional<GridSnapshot> grid(String name) {
        return get("api/grids/" + segment(name), new TypeReference<GridSnapshot>() { });
    }

    @Override
    public List<ConfigDocument> configs() {
        return get("api/configs", new TypeReference<List<ConfigDocument>>() { }).orElse(List.of());
    }

    @Override
    public Optional<ConfigDocument> config(String name) {
        return get("api/grids/" + segment(name) + "/config", new TypeReference<ConfigDocument>() { });
    }

    @Override
    public Optional<StatisticsReport> statistics(String name, Period period, BigDecimal capital, long untilMs) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("period", period.name());
        query.put("capital", capital.toPlainString());
        if (untilMs != Long.MAX_VALUE) {
            query.put("until", Long.toString(untilMs));
        }
        return get("api/grids/" + segment(name) + "/statistics" + query(query),
                new TypeReference<StatisticsReport>() { });
    }

    @Override
    public Optional<LogPage> logs(String name, LogFilter filter) {
        Map<String, String> query = new LinkedHashMap<>();
        if (!filter.types().isEmpty()) {
            query.put("types", filter.types().stream().map(LogType::name).sorted().collect(Collectors.joining(",")));
        }
        if (filter.keyword() != null) {
            query.put("q", filter.keyword());
        }
        query.put("since", Long.toString(filter.sinceMs() == null ? 0 : filter.sinceMs()));
        query.put("until", Long.toString(filter.untilMs()));
        query.put("page", Integer.toString(filter.page()));
        query.put("size", Integer.toString(filter.size()));
        return get("api/grids/" + segment(name) + "/logs" + query(query), new TypeReference<LogPage>() { });
    }

    @Override
    public Optional<ControlOutcome> control(String name, Control action, long waitMs, long runWaitMs)
            throws InterruptedException {
        String body = write(Map.of("action", action.name().toLowerCase(Locale.ROOT), "waitMs", waitMs,
                "runWaitMs", runWaitMs));
        HttpRequest request = request("api/grids/" + segment(name) + "/control",
                Duration.ofMillis(waitMs + runWaitMs + CONTROL_MARGIN_MS))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new DaemonUnreachable(where() + ": " + reason(e)); // never reached it: the database may carry it
        } catch (HttpTimeoutException e) {
            throw new DaemonRefused(where() + " took the request but gave no outcome in time; 'grid status' shows"
                    + " where the grid is");
        } catch (IOException e) {
            throw new DaemonRefused(where() + " failed while answering: " + reason(e));
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (List.of(200, 202, 409, 503).contains(response.statusCode())) {
            return Optional.of(read(response, JSON.constructType(ControlOutcome.class)));
        }
        throw refused(response);
    }

    @Override
    public void close() {
        http.close();
    }

    private <T> Optional<T> get(String path, TypeReference<T> type) {
        HttpResponse<String> response;
        try {
            response = http.send(request(path, readTimeout).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DaemonUnreachable(where() + ": " + reason(e)); // refused, timed out, or cut: a read may go elsewhere
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DaemonUnreachable(where() + ": interrupted");
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw refused(response);
        }
        return Optional.of(read(response, JSON.getTypeFactory().constructType(type)));
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private <T> T read(HttpResponse<String> response, JavaType type) {
        try {
            return JSON.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new DaemonRefused(where() + " answered " + response.statusCode() + " with a document this command"
                    + " cannot read: " + e.getOriginalMessage());
        }
    }

    private DaemonRefused refused(HttpResponse<String> response) {
        String error = errorOf(response.body());
        return new DaemonRefused(switch (response.statusCode()) {
            case 401 -> where() + " refused the API token (401" + error + "): set GRIDBOT_API_TOKEN to a token"
                    + " from 'grid token create', or unset GRIDBOT_API_URL to use the data directory's daemon";
            case 403 -> where() + " refused the request (403" + error + "): it needs a token with control scope";
            default -> where() + " answered " + response.statusCode() + error;
        });
    }

    /** The API's {@code error} text, as ": text", or nothing. */
    private static String errorOf(String body) {
        try {
            String error = JSON.readTree(body).path("error").asText("");
            return error.isBlank() ? "" : ": " + error;
        } catch (JsonProcessingException | RuntimeException e) {
            return "";
        }
    }

    private static String reason(Exception e) {
        return e instanceof HttpTimeoutException ? "no answer in time"
                : e instanceof ConnectException ? "nothing answers there"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
