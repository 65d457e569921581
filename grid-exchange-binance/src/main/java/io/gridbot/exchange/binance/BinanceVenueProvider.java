package io.gridbot.exchange.binance;

import io.gridbot.exchange.Capabilities;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.sign.ApiCredentials;
import io.gridbot.exchange.binance.wire.BinanceSymbolRules;
import io.gridbot.exchange.venue.AccountCredentials;
import io.gridbot.exchange.venue.ClientIdRules;
import io.gridbot.exchange.venue.CredentialSource;
import io.gridbot.exchange.venue.SymbolListing;
import io.gridbot.exchange.venue.VenueProvider;
import io.gridbot.exchange.venue.VenueSetting;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.exchange.venue.VenueSetupException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binance USD-M futures as a venue found at run time ({@code binance}), configured from the environment:
 * {@code GRIDBOT_BINANCE_ENV} ({@code demo}, the default, {@code testnet} or {@code production}, each with its own
 * REST and stream hosts), the key and secret from {@code GRIDBOT_BINANCE_API_KEY} and
 * {@code GRIDBOT_BINANCE_API_SECRET} or else from the stored account {@code GRIDBOT_BINANCE_ACCOUNT} (default
 * {@code default}), and optional host overrides {@code GRIDBOT_BINANCE_REST_URL} and
 * {@code GRIDBOT_BINANCE_STREAM_URL} (a fake server in tests, or a proxy). The core's client order ids fit
 * Binance's rule as they are.
 */
public final class BinanceVenueProvider implements VenueProvider {

    /** The code grid configurations name. */
    public static final String CODE = "binance";
    public static final String ENV = "GRIDBOT_BINANCE_ENV";
    public static final String API_KEY = "GRIDBOT_BINANCE_API_KEY";
    public static final String API_SECRET = "GRIDBOT_BINANCE_API_SECRET";
    public static final String ACCOUNT = "GRIDBOT_BINANCE_ACCOUNT";
    public static final String REST_URL = "GRIDBOT_BINANCE_REST_URL";
    public static final String STREAM_URL = "GRIDBOT_BINANCE_STREAM_URL";

    /** Binance's {@code newClientOrderId}: at most 36 of {@code [.A-Z:/a-z0-9_-]}. */
    static final ClientIdRules CLIENT_IDS = new ClientIdRules(36, "[.A-Z:/a-z0-9_-]");
    private static final Duration LISTING_TIMEOUT = Duration.ofSeconds(5);
    private static final CredentialSource KEYS = CredentialSource.keyAndSecret(CODE, API_KEY, API_SECRET);

    /** The provider, as the service loader makes it. */
    public BinanceVenueProvider() {
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String displayName() {
        return "Binance USD-M futures";
    }

    @Override
    public Capabilities capabilities() {
        return BinanceAdapter.CAPABILITIES;
    }

    @Override
    public List<VenueSetting> settings() {
        return List.of(
                VenueSetting.plain(ENV, "demo (the default), testnet or production: which Binance the key belongs to"),
                VenueSetting.secret(API_KEY, "the API key; else the stored account's", AccountCredentials.API_KEY),
                VenueSetting.secret(API_SECRET, "the API secret; else the stored account's", AccountCredentials.SECRET),
                VenueSetting.plain(ACCOUNT, "the stored account read when no key is set (default: default)"),
                VenueSetting.plain(REST_URL, "another REST host (a proxy, or a fake server in tests)"),
                VenueSetting.plain(STREAM_URL, "another WebSocket host, without a route"));
    }

    @Override
    public ClientIdRules clientIdRules() {
        return CLIENT_IDS;
    }

    @Override
    public SymbolListing listing(VenueSettings settings, String symbol) {
        String restUrl = publicRestUrl(settings);
        BinanceListing listing;
        try {
            listing = BinanceListing.fetch(restUrl, LISTING_TIMEOUT);
        } catch (ExchangeException e) {
            return new SymbolListing.Unchecked("binance (" + restUrl + ") could not be reached: " + e.venueMessage());
        }
        Optional<BinanceSymbolRules> rules = listing.rules(symbol);
        if (rules.isEmpty()) {
            return new SymbolListing.NotListed("binance does not list it");
        }
        if (rules.get().status() != null && !rules.get().status().equals("TRADING")) {
            return new SymbolListing.NotListed("binance lists it as " + rules.get().status() + ", not TRADING");
        }
        return new SymbolListing.Listed(rules.get().core());
    }

    @Override
    public List<String> symbols(VenueSettings settings) {
        try {
            return BinanceListing.fetch(publicRestUrl(settings), LISTING_TIMEOUT).tradableSymbols();
        } catch (ExchangeException e) {
            return List.of();
        }
    }

    @Override
    public Optional<BigDecimal> lastPrice(VenueSettings settings, String symbol) {
        try {
            return BinanceListing.lastPrice(publicRestUrl(settings), symbol, LISTING_TIMEOUT);
        } catch (ExchangeException e) {
            return Optional.empty();
        }
    }

    @Override
    public ExchangeAdapter open(VenueSettings settings) throws VenueSetupException, ExchangeException {
        return BinanceAdapter.open(settings(settings));
    }

    /**
     * The adapter's settings from the environment and the stored accounts.
     *
     * @throws VenueSetupException naming the variable to set when the environment or the credentials are missing
     */
    public static BinanceSettings settings(VenueSettings venue) throws VenueSetupException {
        Optional<BinanceHosts> hosts = hosts(venue);
        if (hosts.isEmpty()) {
            throw new VenueSetupException(ENV + " must be demo, testnet or production, not '"
                    + venue.value(ENV).orElse("") + "'");
        }
        BinanceSettings settings = BinanceSettings.of(hosts.get(), credentials(venue));
        Optional<String> rest = venue.value(REST_URL);
        Optional<String> streams = venue.value(STREAM_URL);
        if (rest.isPresent() || streams.isPresent()) {
            settings = settings.withUrls(rest.orElse(settings.restUrl()), streams.orElse(settings.streamUrl()));
        }
        return settings;
    }

    /**
     * The REST host the environment points at, credentials or not: enough to read the public exchangeInfo.
     * Follows the same variables as {@link #settings}: {@code GRIDBOT_BINANCE_ENV} and {@code GRIDBOT_BINANCE_REST_URL}.
     */
    public static String publicRestUrl(VenueSettings venue) {
        return venue.value(REST_URL).orElseGet(() -> hosts(venue).orElse(BinanceHosts.DEMO).rest());
    }

    /** Whether the environment holds a key and a secret, which {@link #settings} then takes over the store's. */
    public static boolean hasKeys(VenueSettings venue) {
        return KEYS.inEnvironment(venue);
    }

    /** The stored account {@link #settings} looks up when the environment holds no key: {@code default} unless named. */
    public static String account(VenueSettings venue) {
        return venue.environment().getOrDefault(ACCOUNT, "default");
    }

    private static ApiCredentials credentials(VenueSettings venue) throws VenueSetupException {
        Map<String, String> keys = KEYS.fields(venue, account(venue));
        return new ApiCredentials(keys.get(AccountCredentials.API_KEY), keys.get(AccountCredentials.SECRET));
    }

    /** The environment {@code GRIDBOT_BINANCE_ENV} names ({@code demo} when unset); empty when it names none. */
    private static Optional<BinanceHosts> hosts(VenueSettings venue) {
        return BinanceHosts.named(venue.environment().getOrDefault(ENV, "demo"));
    }
}
