package io.gridbot.exchange.okx;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.Capabilities;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.okx.rest.OkxErrorCode;
import io.gridbot.exchange.okx.sign.OkxCredentials;
import io.gridbot.exchange.okx.stream.OkxStreamSettings;
import io.gridbot.exchange.okx.wire.OkxSymbolRules;
import io.gridbot.exchange.venue.AccountCredentials;
import io.gridbot.exchange.venue.ClientIdCodec;
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
 * OKX USDT perpetual swaps as a venue found at run time ({@code okx}), configured from the environment:
 * {@code GRIDBOT_OKX_ENV} ({@code demo}, the default, or {@code production}; demo requests carry OKX's
 * demo-trading header), the key, secret and passphrase from {@code GRIDBOT_OKX_API_KEY},
 * {@code GRIDBOT_OKX_API_SECRET} and {@code GRIDBOT_OKX_PASSPHRASE} or else from the stored account
 * {@code GRIDBOT_OKX_ACCOUNT} (default {@code default}), and optional host overrides {@code GRIDBOT_OKX_REST_URL}
 * and {@code GRIDBOT_OKX_STREAM_URL} (a fake server in tests, or a proxy). A grid names the swap by OKX's
 * instrument id ({@code BTC-USDT-SWAP}) and counts its quantities in the base asset; the listing's quantity step
 * is one lot ({@code lotSz × ctVal}), so an order quantity that is no whole number of lots is refused before a
 * grid is stored. The core's client order ids are longer than OKX's 32 letters and digits, so they cross
 * {@link ClientIdCodec#LETTERS_AND_DIGITS}.
 */
public final class OkxVenueProvider implements VenueProvider {

    /** The code grid configurations name. */
    public static final String CODE = "okx";
    public static final String ENV = "GRIDBOT_OKX_ENV";
    public static final String API_KEY = "GRIDBOT_OKX_API_KEY";
    public static final String API_SECRET = "GRIDBOT_OKX_API_SECRET";
    public static final String PASSPHRASE = "GRIDBOT_OKX_PASSPHRASE";
    public static final String ACCOUNT = "GRIDBOT_OKX_ACCOUNT";
    public static final String REST_URL = "GRIDBOT_OKX_REST_URL";
    public static final String STREAM_URL = "GRIDBOT_OKX_STREAM_URL";

    /** OKX's {@code clOrdId}: at most 32 letters and digits. */
    static final ClientIdRules CLIENT_IDS = new ClientIdRules(32, "[A-Za-z0-9]");
    private static final Duration LISTING_TIMEOUT = Duration.ofSeconds(5);
    private static final CredentialSource KEYS = CredentialSource.keyAndSecret(CODE, API_KEY, API_SECRET)
            .and(PASSPHRASE, AccountCredentials.PASSPHRASE);

    /** The provider, as the service loader makes it. */
    public OkxVenueProvider() {
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String displayName() {
        return "OKX USDT perpetual swaps";
    }

    @Override
    public Capabilities capabilities() {
        return OkxAdapter.CAPABILITIES;
    }

    @Override
    public List<VenueSetting> settings() {
        return List.of(
                VenueSetting.plain(ENV, "demo (the default) or production: which OKX the key belongs to"),
                VenueSetting.secret(API_KEY, "the API key; else the stored account's", AccountCredentials.API_KEY),
                VenueSetting.secret(API_SECRET, "the API secret; else the stored account's", AccountCredentials.SECRET),
                VenueSetting.secret(PASSPHRASE, "the key's passphrase; else the stored account's", AccountCredentials.PASSPHRASE),
                VenueSetting.plain(ACCOUNT, "the stored account read when no key is set (default: default)"),
                VenueSetting.plain(REST_URL, "another REST host (a proxy, or a fake server in tests)"),
                VenueSetting.plain(STREAM_URL, "another WebSocket host, without a route"));
    }

    @Override
    public ClientIdRules clientIdRules() {
        return CLIENT_IDS;
    }

    @Override
    public ClientIdCodec clientIdCodec() {
        return ClientIdCodec.LETTERS_AND_DIGITS;
    }

    @Override
    public SymbolListing listing(VenueSettings settings, String symbol) {
        String restUrl = publicRestUrl(settings);
        OkxRest rest = publicRest(settings);
        try {
            OkxSymbolRules rules = rest.instruments().rules(symbol);
            if (!"live".equals(rules.state())) {
                return new SymbolListing.NotListed("okx lists it as " + rules.state() + ", not live");
            }
            return new SymbolListing.Listed(rules.core());
        } catch (ExchangeException e) {
            if (OkxErrorCode.INSTRUMENT_DOES_NOT_EXIST.is(e.venueCode())) {
                return new SymbolListing.NotListed("okx does not list it as a swap (an instrument id like BTC-USDT-SWAP)");
            }
            if (e.venueCode() == null && e.kind() == ExchangeErrorKind.OTHER) {
                // refused here: a swap the adapter cannot trade (inverse, settled in another currency)
                return new SymbolListing.NotListed("okx lists it, but " + e.venueMessage());
            }
            return new SymbolListing.Unchecked("okx (" + restUrl + ") could not be reached: " + e.venueMessage());
        } finally {
            rest.client().close();
        }
    }

    @Override
    public List<String> symbols(VenueSettings settings) {
        return askPublicly(settings, List.of(), rest -> rest.instruments().tradable());
    }

    @Override
    public Optional<BigDecimal> lastPrice(VenueSettings settings, String symbol) {
        return askPublicly(settings, Optional.empty(), rest -> rest.instruments().lastPrice(symbol));
    }

    /** A read of the public endpoints that never throws: {@code otherwise} when OKX cannot be asked. */
    private static <T> T askPublicly(VenueSettings settings, T otherwise, PublicRead<T> read) {
        OkxRest rest = publicRest(settings);
        try {
            return read.from(rest);
        } catch (ExchangeException | IllegalArgumentException e) {
            return otherwise;
        } finally {
            rest.client().close();
        }
    }

    private interface PublicRead<T> {
        T from(OkxRest rest) throws ExchangeException;
    }

    /** The REST host the environment points at, credentials or not: the demo's unless named or overridden. */
    private static String publicRestUrl(VenueSettings settings) {
        return settings.value(REST_URL).orElseGet(() -> hosts(settings).orElse(OkxHosts.DEMO).restUrl());
    }

    /** An unsigned client of the public endpoints, marked as demo trading when the environment is the demo. */
    private static OkxRest publicRest(VenueSettings settings) {
        boolean simulated = hosts(settings).orElse(OkxHosts.DEMO).simulated();
        return OkxRest.open(OkxSettings.of(publicRestUrl(settings), OkxCredentials.NONE, simulated)
                .withTimeouts(LISTING_TIMEOUT, LISTING_TIMEOUT), why -> { });
    }

    @Override
    public ExchangeAdapter open(VenueSettings settings) throws VenueSetupException, ExchangeException {
        return OkxAdapter.open(settings(settings), streams(settings));
    }

    /** The environment's WebSockets, or those on the host {@code GRIDBOT_OKX_STREAM_URL} names. */
    public static OkxStreamSettings streams(VenueSettings venue) throws VenueSetupException {
        OkxHosts hosts = hosts(venue).orElseThrow(() -> new VenueSetupException(ENV + " must be demo or production, not '"
                + venue.value(ENV).orElse("") + "'"));
        OkxStreamSettings streams = OkxStreamSettings.at(hosts.publicWs(), hosts.privateWs(), hosts.businessWs());
        return venue.value(STREAM_URL).map(streams::onHost).orElse(streams);
    }

    /**
     * The adapter's settings from the environment and the stored accounts.
     *
     * @throws VenueSetupException naming the variable to set when the environment or the credentials are missing
     */
    public static OkxSettings settings(VenueSettings venue) throws VenueSetupException {
        Optional<OkxHosts> hosts = hosts(venue);
        if (hosts.isEmpty()) {
            throw new VenueSetupException(ENV + " must be demo or production, not '" + venue.value(ENV).orElse("") + "'");
        }
        return OkxSettings.of(venue.value(REST_URL).orElse(hosts.get().restUrl()), credentials(venue),
                hosts.get().simulated());
    }

    /** Whether the environment holds a key, a secret and a passphrase, which {@link #settings} then takes over the store's. */
    public static boolean hasKeys(VenueSettings venue) {
        return KEYS.inEnvironment(venue);
    }

    /** The stored account {@link #settings} looks up when the environment holds no key: {@code default} unless named. */
    public static String account(VenueSettings venue) {
        return venue.environment().getOrDefault(ACCOUNT, "default");
    }

    private static OkxCredentials credentials(VenueSettings venue) throws VenueSetupException {
        Map<String, String> keys = KEYS.fields(venue, account(venue));
        return new OkxCredentials(keys.get(AccountCredentials.API_KEY), keys.get(AccountCredentials.SECRET),
                keys.get(AccountCredentials.PASSPHRASE));
    }

    /** The environment {@code GRIDBOT_OKX_ENV} names ({@code demo} when unset); empty when it names none. */
    private static Optional<OkxHosts> hosts(VenueSettings venue) {
        try {
            return Optional.of(OkxHosts.of(venue.environment().getOrDefault(ENV, "demo")));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
