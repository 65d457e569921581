package io.gridbot.exchange.binance;

import io.gridbot.exchange.binance.sign.ApiCredentials;
import io.gridbot.exchange.binance.stream.StreamSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * Where and how the adapter talks to Binance: base URLs (an environment's {@link BinanceHosts}, or a fake server), credentials,
 * signing window, reconnect schedule and stream timings. Timings are settings so tests can run the whole
 * reconnect schedule in milliseconds.
 *
 * @param restUrl            REST base, e.g. {@code https://fapi.binance.com}
 * @param streamUrl          WebSocket base without route, e.g. {@code wss://fstream.binance.com}; the adapter
 *                           appends {@code /public}, {@code /market} or {@code /private}
 * @param credentials        the API key and secret
 * @param recvWindowMs       how long after its timestamp a signed request stays valid
 * @param reconnectDelays    delays before reconnect attempts 1, 2, 3 … after a stream drops (5, 10, 15 s)
 * @param pingInterval       how often the client pings each stream; a missing pong drops it, so a dead stream is
 *                           detected within two intervals
 * @param connectTimeout     how long opening one stream or one HTTP connection may take
 * @param requestTimeout     how long a REST call may take before its outcome counts as unknown
 * @param connectionMaxAge   streams are replaced before Binance's 24-hour forced disconnect
 * @param listenKeyKeepAlive how often the user-data listen key is extended (Binance: valid 60 min)
 * @param weightHeadroom     fraction of the venue's request-weight and order-count limits the adapter allows
 *                           itself before it waits for the window to roll
 */
public record BinanceSettings(String restUrl, String streamUrl, ApiCredentials credentials, long recvWindowMs,
        List<Duration> reconnectDelays, Duration pingInterval, Duration connectTimeout, Duration requestTimeout,
        Duration connectionMaxAge, Duration listenKeyKeepAlive, double weightHeadroom) {

    public BinanceSettings {
        Objects.requireNonNull(restUrl, "restUrl");
        Objects.requireNonNull(streamUrl, "streamUrl");
        Objects.requireNonNull(credentials, "credentials");
        reconnectDelays = List.copyOf(reconnectDelays);
        if (reconnectDelays.isEmpty()) {
            throw new IllegalArgumentException("at least one reconnect delay is needed");
        }
        restUrl = stripSlash(restUrl);
        streamUrl = stripSlash(streamUrl);
    }

    /** Production, with the default timings. */
    public static BinanceSettings production(ApiCredentials credentials) {
        return of(BinanceHosts.PRODUCTION, credentials);
    }

    /** Demo trading, with the default timings. */
    public static BinanceSettings demo(ApiCredentials credentials) {
        return of(BinanceHosts.DEMO, credentials);
    }

    /** The futures testnet, with the default timings. */
    public static BinanceSettings testnet(ApiCredentials credentials) {
        return of(BinanceHosts.TESTNET, credentials);
    }

    /** An environment's REST and stream hosts, with the default timings. */
    public static BinanceSettings of(BinanceHosts hosts, ApiCredentials credentials) {
        return defaults(hosts.rest(), hosts.streams(), credentials);
    }

    /** Any hosts (a fake server in tests), with the default timings. */
    public static BinanceSettings defaults(String restUrl, String streamUrl, ApiCredentials credentials) {
        return new BinanceSettings(restUrl, streamUrl, credentials, 5_000,
                List.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15)), Duration.ofMillis(2_000),
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofHours(23).plusMinutes(50), Duration.ofMinutes(30),
                0.9);
    }

    public BinanceSettings withUrls(String rest, String streams) {
        return new BinanceSettings(rest, streams, credentials, recvWindowMs, reconnectDelays, pingInterval, connectTimeout,
                requestTimeout, connectionMaxAge, listenKeyKeepAlive, weightHeadroom);
    }

    public BinanceSettings withCredentials(ApiCredentials other) {
        return new BinanceSettings(restUrl, streamUrl, other, recvWindowMs, reconnectDelays, pingInterval, connectTimeout,
                requestTimeout, connectionMaxAge, listenKeyKeepAlive, weightHeadroom);
    }

    public BinanceSettings withReconnectDelays(List<Duration> delays) {
        return new BinanceSettings(restUrl, streamUrl, credentials, recvWindowMs, delays, pingInterval, connectTimeout,
                requestTimeout, connectionMaxAge, listenKeyKeepAlive, weightHeadroom);
    }

    public BinanceSettings withTimeouts(Duration ping, Duration connect, Duration request) {
        return new BinanceSettings(restUrl, streamUrl, credentials, recvWindowMs, reconnectDelays, ping, connect, request,
                connectionMaxAge, listenKeyKeepAlive, weightHeadroom);
    }

    public BinanceSettings withStreamLifetimes(Duration maxAge, Duration keepAlive) {
        return new BinanceSettings(restUrl, streamUrl, credentials, recvWindowMs, reconnectDelays, pingInterval,
                connectTimeout, requestTimeout, maxAge, keepAlive, weightHeadroom);
    }

    /** The HTTP client these timings describe, for REST and the streams alike. */
    OkHttpClient httpClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .pingInterval(pingInterval.toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false) // a create must never be sent twice behind our back
                .build();
    }

    /** How the streams connect and live. */
    StreamSettings streams() {
        return new StreamSettings(streamUrl, connectTimeout, reconnectDelays, connectionMaxAge, listenKeyKeepAlive);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
