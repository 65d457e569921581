package io.gridbot.exchange.bybit;

import io.gridbot.exchange.bybit.sign.BybitCredentials;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * Where and how the adapter talks to Bybit over REST: the base URL (an environment's {@link BybitHosts}, or a fake
 * server), credentials, the receive window every signed request names, timeouts and how much of each documented rate
 * limit the adapter allows itself. {@link #toString()} shows no secret.
 *
 * @param restUrl        REST base, e.g. {@code https://api-testnet.bybit.com}
 * @param credentials    key and secret
 * @param recvWindow     how long after its timestamp Bybit accepts a request ({@code X-BAPI-RECV-WINDOW})
 * @param connectTimeout how long opening an HTTP connection may take
 * @param requestTimeout how long a REST call may take before its outcome counts as unknown
 * @param rateHeadroom   the share of each documented limit the adapter uses before it waits, in (0, 1]
 */
public record BybitSettings(String restUrl, BybitCredentials credentials, Duration recvWindow, Duration connectTimeout,
        Duration requestTimeout, double rateHeadroom) {

    public BybitSettings {
        Objects.requireNonNull(restUrl, "restUrl");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(recvWindow, "recvWindow");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (rateHeadroom <= 0 || rateHeadroom > 1) {
            throw new IllegalArgumentException("rateHeadroom must be in (0, 1], was " + rateHeadroom);
        }
        restUrl = restUrl.endsWith("/") ? restUrl.substring(0, restUrl.length() - 1) : restUrl;
    }

    /** A REST base with the default timings: Bybit's 5 s receive window, 5 s to connect, 10 s a request, 90 % of each limit. */
    public static BybitSettings of(String restUrl, BybitCredentials credentials) {
        return new BybitSettings(restUrl, credentials, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10),
                0.9);
    }

    public BybitSettings withTimeouts(Duration connect, Duration request) {
        return new BybitSettings(restUrl, credentials, recvWindow, connect, request, rateHeadroom);
    }

    /** An HTTP client with these timeouts. */
    public OkHttpClient httpClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false)
                .build();
    }
}
