package io.gridbot.exchange.bybit.stream;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the adapter's WebSockets connect and live.
 *
 * @param publicUrl       the public linear socket (tickers, orderbook.1, publicTrade)
 * @param privateUrl      the private socket (auth; order, execution, position, wallet)
 * @param connectTimeout  how long opening a socket, and authenticating on it, may take
 * @param reconnectDelays delays before reconnect attempts 1, 2, 3 … after a socket is lost; after the last failed
 *                        attempt the streams give up (the runner's safe mode)
 * @param pingEvery       the longest a socket goes without a {@code ping}: Bybit asks for one every 20 seconds
 * @param pingAfter       a socket that received nothing for this long is pinged at once, so a quiet socket is probed
 * @param deadAfter       a socket that received nothing (not even a pong) for this long counts as lost
 */
public record BybitStreamSettings(String publicUrl, String privateUrl, Duration connectTimeout,
        List<Duration> reconnectDelays, Duration pingEvery, Duration pingAfter, Duration deadAfter) {

    public BybitStreamSettings {
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(privateUrl, "privateUrl");
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
     * Sockets at these addresses with the spec's schedule: reconnect after 5, 10 and 15 seconds, then give up; a ping
     * at least every 20 seconds and after 2 seconds of silence; a socket silent for 4.5 seconds is dead (within the 5
     * seconds allowed).
     */
    public static BybitStreamSettings at(String publicUrl, String privateUrl) {
        return new BybitStreamSettings(publicUrl, privateUrl, Duration.ofSeconds(5),
                List.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15)), Duration.ofSeconds(20),
                Duration.ofSeconds(2), Duration.ofMillis(4500));
    }

    /**
     * The same schedule on another host ({@code ws://host:port} or {@code wss://host:port}, without a route): a fake
     * server in tests, or a proxy. The routes stay Bybit's: {@code /v5/public/linear} and {@code /v5/private}.
     */
    public BybitStreamSettings onHost(String host) {
        String base = host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
        return new BybitStreamSettings(base + "/v5/public/linear", base + "/v5/private", connectTimeout, reconnectDelays,
                pingEvery, pingAfter, deadAfter);
    }

    public BybitStreamSettings withReconnectDelays(List<Duration> delays) {
        return new BybitStreamSettings(publicUrl, privateUrl, connectTimeout, delays, pingEvery, pingAfter, deadAfter);
    }

    public BybitStreamSettings withKeepAlive(Duration every, Duration after, Duration dead) {
        return new BybitStreamSettings(publicUrl, privateUrl, connectTimeout, reconnectDelays, every, after, dead);
    }
}
