package io.gridbot.runner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A logged-in HTTP client of a {@link DashboardFixture}: its session cookie and the pages' CSRF token. */
final class DashboardSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf\" content=\"([^\"]+)\"");

    private final DashboardFixture f;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String cookie;
    private String csrf;

    private DashboardSession(DashboardFixture f) {
        this.f = f;
    }

    /** A client with no session. */
    static DashboardSession anonymous(DashboardFixture f) {
        return new DashboardSession(f);
    }

    /** Logs the fixture's user in. */
    static DashboardSession logIn(DashboardFixture f) throws Exception {
        DashboardSession s = new DashboardSession(f);
        HttpResponse<String> form = s.get("/login");
        s.cookie = cookieOf(form);
        String body = "csrf=" + URLEncoder.encode(find(CSRF_FIELD, form.body()), StandardCharsets.UTF_8)
                + "&username=" + URLEncoder.encode(DashboardFixture.USER, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(DashboardFixture.PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> done = s.http.send(HttpRequest.newBuilder(f.uri("/login")).header("Cookie", s.cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(303);
        s.cookie = cookieOf(done);
        s.csrf = find(CSRF_META, s.get("/").body());
        return s;
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(f.uri(path)).timeout(Duration.ofSeconds(10)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(f.uri(path)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookieOf(HttpResponse<?> response) {
        return response.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElse(null);
    }

    private static String find(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertThat(m.find()).as("token in page").isTrue();
        return m.group(1);
    }
}
