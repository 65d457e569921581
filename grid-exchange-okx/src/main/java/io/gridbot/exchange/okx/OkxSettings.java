package io.gridbot.exchange.okx;

import io.gridbot.exchange.okx.sign.OkxCredentials;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * Where and how the adapter talks to OKX over REST: the base URL (an environment's {@link OkxHosts}, or a fake
 * server), credentials, whether the key is a demo-trading key, timeouts and how much of each documented rate limit
 * the adapter allows itself. {@link #toString()} shows no secret.
 *
 * @param restUrl        REST base, e.g. {@code https://openapi.okx.com}
 * @param credentials    key, secret and passphrase
 * @param simulated      whether every request carries {@code x-simulated-trading: 1} (demo trading)
 * @param connectTimeout how long opening an HTTP connection may take
 * @param requestTimeout how long a REST call may take before its outcome counts as unknown
 * @param rateHeadroom   the share of each documented limit the adapter uses before it waits, in (0, 1]
 */
public record OkxSettings(String restUrl, OkxCredentials credentials, boolean simulated, Duration connectTimeout,
        Duration requestTimeout, double rateHeadroom) {

    public OkxSettings {
        Objects.requireNonNull(restUrl, "restUrl");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (rateHeadroom <= 0 || rateHeadroom > 1) {
            throw new IllegalArgumentException("rateHeadroom must be in (0, 1], was " + rateHeadroom);
        }
        restUrl = restUrl.endsWith("/") ? restUrl.substring(0, restUrl.length() - 1) : restUrl;
    }

    /** An environment's hosts, with the default timings: 5 s to connect, 10 s a request, 90 % of each limit. */
    public static OkxSettings of(OkxHosts hosts, OkxCredentials credentials) {
        return of(hosts.restUrl(), credentials, hosts.simulated());
    }

    /** A REST base of one's own (a proxy, the fake server), with the default timings. */
    public static OkxSettings of(String restUrl, OkxCredentials credentials, boolean simulated) {
        return new OkxSettings(restUrl, credentials, simulated, Duration.ofSeconds(5), Duration.ofSeconds(10), 0.9);
    }

    public OkxSettings withTimeouts(Duration connect, Duration request) {
        return new OkxSettings(restUrl, credentials, simulated, connect, request, rateHeadroom);
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
