package io.gridbot.runner.venue;

import io.gridbot.exchange.binance.BinanceSettings;
import io.gridbot.exchange.binance.BinanceVenueProvider;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.exchange.venue.VenueSetupException;
import io.gridbot.persistence.secret.Credentials;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Binance's settings as the commands that talk to Binance alone read them (the account's position mode): the
 * rules of its provider, {@link BinanceVenueProvider}, applied to the environment and to one lookup of the
 * credential store. The daemon opens Binance through the provider itself, like every venue found.
 */
public final class BinanceEnvironment {

    public static final String ENV = BinanceVenueProvider.ENV;
    public static final String API_KEY = BinanceVenueProvider.API_KEY;
    public static final String API_SECRET = BinanceVenueProvider.API_SECRET;
    public static final String ACCOUNT = BinanceVenueProvider.ACCOUNT;
    public static final String REST_URL = BinanceVenueProvider.REST_URL;
    public static final String STREAM_URL = BinanceVenueProvider.STREAM_URL;

    private BinanceEnvironment() {
    }

    /**
     * The settings, or why there are none.
     *
     * @param store the encrypted store's lookup by account label, consulted when the environment has no key
     */
    public static Either settings(Map<String, String> env, Function<String, Optional<Credentials>> store) {
        VenueSettings venue = new VenueSettings(env, (exchange, account) -> store.apply(account)
                .map(StoredCredentials::fields));
        try {
            return new Either(BinanceVenueProvider.settings(venue), null);
        } catch (VenueSetupException e) {
            return Either.missing(e.getMessage());
        }
    }

    /** The REST host the environment points at, credentials or not: enough to read the public exchangeInfo. */
    public static String publicRestUrl(Map<String, String> env) {
        return BinanceVenueProvider.publicRestUrl(VenueSettings.of(env));
    }

    /** Whether the environment holds a key and a secret, which {@link #settings} then takes over the store's. */
    public static boolean hasKeys(Map<String, String> env) {
        return BinanceVenueProvider.hasKeys(VenueSettings.of(env));
    }

    /** The stored account {@link #settings} looks up when the environment holds no key: {@code default} unless named. */
    public static String account(Map<String, String> env) {
        return BinanceVenueProvider.account(VenueSettings.of(env));
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
