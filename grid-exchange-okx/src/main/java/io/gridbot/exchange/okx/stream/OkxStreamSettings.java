package io.gridbot.exchange.okx.stream;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the adapter's WebSockets connect and live.
 *
 * @param publicUrl       the public socket (tickers, books5, mark-price)
 * @param privateUrl      the private socket (login; orders, positions, account)
 * @param businessUrl     the business socket (login; orders-algo, the protective stop)
 * @param connectTimeout  how long opening a socket, and logging in on it, may take
 * @param reconnectDelays delays before reconnect attempts 1, 2, 3 … after a socket is lost; after the last
 *                        failed attempt the streams give up (the runner's safe mode)
 * @param pingAfter       a socket that received nothing for this long is sent {@code ping}; OKX closes a socket
 *                        that carried nothing for 30 seconds
 * @param deadAfter       a socket that received nothing (not even {@code pong}) for this long counts as lost
 */
public record OkxStreamSettings(String publicUrl, String privateUrl, String businessUrl, Duration connectTimeout,
        List<Duration> reconnectDelays, Duration pingAfter, Duration deadAfter) {

    public OkxStreamSettings {
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(privateUrl, "privateUrl");
        Objects.requireNonNull(businessUrl, "businessUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        reconnectDelays = List.copyOf(reconnectDelays);
        if (reconnectDelays.isEmpty()) {
            throw new IllegalArgumentException("reconnectDelays must name at least one delay");
        }
        if (pingAfter.compareTo(deadAfter) >= 0) {
            throw new IllegalArgumentException("pingAfter (" + pingAfter + ") must be shorter than deadAfter ("
                    + deadAfter + "), or a silent socket is never pinged");
        }
    }

    /**
     * Sockets at these addresses with the spec's schedule: reconnect after 5, 10 and 15 seconds, then give up; ping
     * after 2 seconds of silence, and a socket silent for 4.5 seconds is dead (within the 5 seconds allowed).
     */
    public static OkxStreamSettings at(String publicUrl, String privateUrl, String businessUrl) {
        return new OkxStreamSettings(publicUrl, privateUrl, businessUrl, Duration.ofSeconds(5),
                List.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15)), Duration.ofSeconds(2),
                Duration.ofMillis(4500));
    }

    /**
     * The same schedule on another host ({@code ws://host:port} or {@code wss://host:port}, without a route): a fake
     * server in tests, or a proxy. The routes stay OKX's: {@code /ws/v5/public}, {@code /private}, {@code /business}.
     */
    public OkxStreamSettings onHost(String host) {
        String base = (host.endsWith("/") ? host.substring(0, host.length() - 1) : host) + "/ws/v5/";
        return new OkxStreamSettings(base + "public", base + "private", base + "business", connectTimeout,
                reconnectDelays, pingAfter, deadAfter);
    }

    public OkxStreamSettings withReconnectDelays(List<Duration> delays) {
        return new OkxStreamSettings(publicUrl, privateUrl, businessUrl, connectTimeout, delays, pingAfter, deadAfter);
    }

    public OkxStreamSettings withKeepAlive(Duration ping, Duration dead) {
        return new OkxStreamSettings(publicUrl, privateUrl, businessUrl, connectTimeout, reconnectDelays, ping, dead);
    }
}
