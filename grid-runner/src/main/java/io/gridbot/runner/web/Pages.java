package io.gridbot.runner.web;

import io.gridbot.runner.web.http.HttpCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The dashboard's pages and static assets, plain files in the jar under {@code /dashboard}: pages are HTML
 * templates whose {@code {{key}}} placeholders are filled with HTML-escaped values (the CSRF token, the user);
 * assets are served as they are, third-party ones (the charting library) from their own folder. Nothing is
 * fetched from the network, so the dashboard works offline.
 */
final class Pages {

    private static final Pattern ASSET_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8", "js",
            "text/javascript; charset=utf-8", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8");

    /** The version of Apache ECharts in the jar: the parent pom's {@code echarts.version}. */
    static final String ECHARTS_VERSION = "5.5.0";
    private static final Map<String, String> VENDOR = Map.of(
            "echarts.min.js", "/META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/echarts.min.js",
            "THIRD-PARTY.txt", "/dashboard/vendor/THIRD-PARTY.txt",
            "LICENSE-Apache-2.0.txt", "/dashboard/vendor/LICENSE-Apache-2.0.txt");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /** Replies with a page, its placeholders filled. */
    void page(HttpCall call, int status, String name, Map<String, String> values) {
        String html = new String(load("/dashboard/pages/" + name + ".html"), StandardCharsets.UTF_8);
        for (var e : values.entrySet()) {
            html = html.replace("{{" + e.getKey() + "}}", escape(e.getValue()));
        }
        call.text(status, "text/html; charset=utf-8", html);
    }

    /** Replies with a static asset, or 404 for any name that is not a plain file name of a known type. */
    void asset(HttpCall call, String file) throws IOException {
        int dot = file.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(file.substring(dot + 1));
        if (!ASSET_NAME.matcher(file).matches() || file.contains("..") || type == null
                || Pages.class.getResource("/dashboard/assets/" + file) == null) {
            call.json(404, Map.of("error", "not found"));
            return;
        }
        call.header("Cache-Control", "private, max-age=300");
        call.send(200, type, load("/dashboard/assets/" + file));
    }

    /**
     * Replies with a third-party asset shipped in the jar: the charting library's script, its licence and the
     * notice. They never change within a version, so browsers keep them for a day; anything else is 404.
     */
    void vendor(HttpCall call, String file) throws IOException {
        String resource = VENDOR.get(file);
        if (resource == null || Pages.class.getResource(resource) == null) {
            call.json(404, Map.of("error", "not found"));
            return;
        }
        call.header("Cache-Control", "private, max-age=86400");
        call.send(200, TYPES.get(file.substring(file.lastIndexOf('.') + 1)), load(resource));
    }

    private byte[] load(String resource) {
        return cache.computeIfAbsent(resource, r -> {
            try (InputStream in = Pages.class.getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalStateException("missing from the jar: " + r);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
