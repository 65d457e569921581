package io.gridbot.runner.venue;

import io.gridbot.exchange.binance.BinanceHosts;
import io.gridbot.exchange.binance.BinanceSettings;
import io.gridbot.exchange.binance.sign.ApiCredentials;
import io.gridbot.persistence.secret.Credentials;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Binance's settings from the environment: {@code GRIDBOT_BINANCE_ENV} ({@code demo}, the default,
 * {@code testnet} or {@code production}, each with its own REST and stream hosts), credentials from
 * {@code GRIDBOT_BINANCE_API_KEY} and {@code GRIDBOT_BINANCE_API_SECRET}
 * or else from the encrypted credential store (account {@code GRIDBOT_BINANCE_ACCOUNT}, default
 * {@code default}), and optional host overrides {@code GRIDBOT_BINANCE_REST_URL} and
 * {@code GRIDBOT_BINANCE_STREAM_URL} (a fake server in tests, or a proxy).
 */
public final class BinanceEnvironment {

    public static final String ENV = "GRIDBOT_BINANCE_ENV";
    public static final String API_KEY = "GRIDBOT_BINANCE_API_KEY";
    public static final String API_SECRET = "GRIDBOT_BINANCE_API_SECRET";
    public static final String ACCOUNT = "GRIDBOT_BINANCE_ACCOUNT";
    public static final String REST_URL = "GRIDBOT_BINANCE_REST_URL";
    public static final String STREAM_URL = "GRIDBOT_BINANCE_STREAM_URL";

    private BinanceEnvironment() {
    }

    /**
     * The settings, or why there are none.
     *
     * @param store the encrypted store's lookup by account label, consulted when the environment has no key
     */
    public static Either settings(Map<String, String> env, Function<String, Optional<Credentials>> store) {
        Optional<BinanceHosts> hosts = hosts(env);
        if (hosts.isEmpty()) {
            return Either.missing(ENV + " must be demo, testnet or production, not '" + env.get(ENV).trim() + "'");
        }
        ApiCredentials credentials;
        if (hasKeys(env)) {
            credentials = new ApiCredentials(env.get(API_KEY).trim(), env.get(API_SECRET).trim());
        } else {
            String account = account(env);
            Optional<Credentials> stored;
            try {
                stored = store.apply(account);
            } catch (RuntimeException e) {
                return Either.missing("the credential store could not be read (" + e.getClass().getSimpleName() + ")");
            }
            if (stored.isEmpty()) {
                return Either.missing("no credentials: set " + API_KEY + " and " + API_SECRET
                        + ", or store the binance account '" + account + "' in the encrypted credential store");
            }
            credentials = new ApiCredentials(stored.get().apiKey(), stored.get().secret());
        }
        BinanceSettings settings = BinanceSettings.of(hosts.get(), credentials);
        String rest = env.get(REST_URL);
        String streams = env.get(STREAM_URL);
        if (rest != null && !rest.isBlank() || streams != null && !streams.isBlank()) {
            settings = settings.withUrls(rest == null || rest.isBlank() ? settings.restUrl() : rest.trim(),
                    streams == null || streams.isBlank() ? settings.streamUrl() : streams.trim());
        }
        return new Either(settings, null);
    }

    /**
     * The REST host the environment points at, credentials or not: enough to read the public exchangeInfo.
     * Follows the same variables as {@link #settings}: {@code GRIDBOT_BINANCE_ENV} and {@code GRIDBOT_BINANCE_REST_URL}.
     */
    public static String publicRestUrl(Map<String, String> env) {
        String rest = env.get(REST_URL);
        if (rest != null && !rest.isBlank()) {
            return rest.trim();
        }
        return hosts(env).orElse(BinanceHosts.DEMO).rest();
    }

    /** Whether the environment holds a key and a secret, which {@link #settings} then takes over the store's. */
    public static boolean hasKeys(Map<String, String> env) {
        String key = env.get(API_KEY);
        String secret = env.get(API_SECRET);
        return key != null && !key.isBlank() && secret != null && !secret.isBlank();
    }

    /** The stored account {@link #settings} looks up when the environment holds no key: {@code default} unless named. */
    public static String account(Map<String, String> env) {
        return env.getOrDefault(ACCOUNT, "default");
    }

    /** The environment {@code GRIDBOT_BINANCE_ENV} names ({@code demo} when unset); empty when it names none. */
    private static Optional<BinanceHosts> hosts(Map<String, String> env) {
        return BinanceHosts.named(env.getOrDefault(ENV, "demo"));
    }

    /**
     * The settings, or the reason there are none.
     *
     * @param settings the settings, {@code null} when missing
     * @param missing  why they are missing, {@code null} when present
     */
    public record Either(BinanceSettings settings, String missing) {
        static Either missing(String why) {
            return new Either(null, why);
        }
    }
}
