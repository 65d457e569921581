package io.gridbot.runner.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * One JSON POST to a receiver, bounded by a timeout, answered as an {@link Answer} with the whole body (cleared
 * of secrets) for the receiver to read. A failure to connect or a
 * receiver that does not answer in time is an {@link IOException} whose message is cleared of secrets, and which
 * carries no cause (the JDK's may name the address).
 */
final class HttpPost {

    private static final int EXCERPT = 200;

    private final HttpClient client;
    private final Duration timeout;
    private final LongSupplier clock;

    /**
     * @param timeout how long one attempt may take until the answer's headers arrive
     * @param clock   the time an HTTP-date {@code Retry-After} is measured from
     */
    HttpPost(HttpClient client, Duration timeout, LongSupplier clock) {
        this.client = client;
        this.timeout = timeout;
        this.clock = clock;
    }

    Answer post(URI uri, String json, Map<String, String> headers, Redaction redaction)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json").header("User-Agent", "gridbot")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | RuntimeException e) {
            String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            throw new IOException(redaction.clear(what));
        }
        return new Answer(response.statusCode(), redaction.clear(response.body()),
                retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
    }

    /** The first line of a body, at most {@value #EXCERPT} characters. */
    static String excerpt(String body) {
        String line = body == null ? "" : body.strip().lines().findFirst().orElse("");
        return line.length() > EXCERPT ? line.substring(0, EXCERPT) + "…" : line;
    }

    /** {@code Retry-After} in seconds or as an HTTP date, in milliseconds from now. */
    OptionalLong retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Math.max(0, Long.parseLong(value.trim())) * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                long at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                return OptionalLong.of(Math.max(0, at - clock.getAsLong()));
            } catch (RuntimeException notADate) {
                return OptionalLong.empty();
            }
        }
    }
}
