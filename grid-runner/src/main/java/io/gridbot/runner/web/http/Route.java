package io.gridbot.runner.web.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One route: a method, a path pattern whose {@code {name}} segments match one path segment each, who may use
 * it, and its endpoint.
 *
 * @param method   GET or POST
 * @param pattern  for example {@code /api/grids/{name}/logs}
 * @param access   public or logged-in users
 * @param endpoint what it does
 */
public record Route(String method, String pattern, Access access, Endpoint endpoint) {

    /** A GET route for logged-in users. */
    public static Route get(String pattern, Endpoint endpoint) {
        return new Route("GET", pattern, Access.USER, endpoint);
    }

    /** A POST route for logged-in users; the CSRF token is checked before the endpoint runs. */
    public static Route post(String pattern, Endpoint endpoint) {
        return new Route("POST", pattern, Access.USER, endpoint);
    }

    /** The same route, open to anyone. */
    public Route open() {
        return new Route(method, pattern, Access.PUBLIC, endpoint);
    }

    /** The path parameters when this route matches, else empty. */
    public Optional<Map<String, String>> match(String method, List<String> segments) {
        if (!this.method.equals(method)) {
            return Optional.empty();
        }
        String[] parts = pattern.substring(1).split("/", -1);
        if (parts.length != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("{") && part.endsWith("}")) {
                if (segments.get(i).isEmpty()) {
                    return Optional.empty();
                }
                params.put(part.substring(1, part.length() - 1), segments.get(i));
            } else if (!part.equals(segments.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }
}
