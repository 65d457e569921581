package io.gridbot.runner.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One process's REST path to a venue, for tests of several processes on one venue: an HTTP forwarder on loopback
 * that passes every request to the venue unchanged and records, in the order the venue receives them, the
 * order requests (creates, cancels) that went through it. Give each process a wire of its own, and the venue's
 * side says which process sent which order, and when.
 */
public final class OrderWire implements AutoCloseable {

    /**
     * An order request the venue received through this wire.
     *
     * @param sentNanos     when it was passed on ({@link System#nanoTime()})
     * @param method        POST (a create) or DELETE (a cancel)
     * @param path          the endpoint
     * @param clientOrderId the client id it carried, or {@code null}
     */
    public record Sent(long sentNanos, String method, String path, String clientOrderId) {
        /** Whether it creates an order. */
        public boolean create() {
            return method.equals("POST");
        }
    }

    private static final Set<String> ORDER_PATHS = Set.of("/fapi/v1/order", "/fapi/v1/batchOrders", "/fapi/v1/algoOrder",
            "/fapi/v1/allOpenOrders", "/fapi/v1/algoOpenOrders");
    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "transfer-encoding",
            "upgrade", "expect", "keep-alive");
    private static final Pattern CLIENT_ID = Pattern.compile("(?:newClientOrderId|clientAlgoId|origClientOrderId)=([^&]+)");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    /** A wire to the venue at {@code venueUrl} (scheme, host and port). */
    public OrderWire(String venueUrl) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                URI target = URI.create(venueUrl + exchange.getRequestURI().toString());
                HttpRequest.Builder request = HttpRequest.newBuilder(target)
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                        values.forEach(v -> request.header(name, v));
                    }
                });
                String method = exchange.getRequestMethod();
                String path = exchange.getRequestURI().getPath();
                if (ORDER_PATHS.contains(path) && (method.equals("POST") || method.equals("DELETE"))) {
                    String all = exchange.getRequestURI().getRawQuery() + "&" + new String(body, StandardCharsets.UTF_8);
                    Matcher m = CLIENT_ID.matcher(all);
                    sent.add(new Sent(System.nanoTime(), method, path, m.find() ? m.group(1) : null));
                }
                HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                answer.headers().map().forEach((name, values) -> {
                    if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                        exchange.getResponseHeaders().put(name, values);
                    }
                });
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    /** The URL to give the process instead of the venue's. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The order requests sent through this wire so far, oldest first. */
    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public void close() {
        server.stop(0);
        client.close();
    }
}
