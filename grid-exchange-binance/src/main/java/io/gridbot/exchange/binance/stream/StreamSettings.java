package io.gridbot.exchange.binance.stream;

import java.time.Duration;
import java.util.List;

/**
 * How the streams connect and live.
 *
 * @param baseUrl         WebSocket base without route, e.g. {@code wss://fstream.binance.com}
 * @param connectTimeout  how long opening one stream may take
 * @param reconnectDelays delays before reconnect attempts 1, 2, 3 … after a stream drops
 * @param maxAge          streams are replaced before they reach this age (Binance cuts them at 24 hours)
 * @param keepAlive       how often the listen key is extended
 */
public record StreamSettings(String baseUrl, Duration connectTimeout, List<Duration> reconnectDelays, Duration maxAge,
        Duration keepAlive) {

    public StreamSettings {
        reconnectDelays = List.copyOf(reconnectDelays);
    }
}
