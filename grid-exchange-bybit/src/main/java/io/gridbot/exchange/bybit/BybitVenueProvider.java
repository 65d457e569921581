package io.gridbot.exchange.bybit;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.preview.MarginTable;
import io.gridbot.exchange.Capabilities;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.bybit.rest.RiskLimitCalls;
import io.gridbot.exchange.bybit.sign.BybitCredentials;
import io.gridbot.exchange.bybit.stream.BybitStreamSettings;
import io.gridbot.exchange.bybit.wire.BybitSymbolRules;
import io.gridbot.exchange.bybit.wire.InstrumentWire;
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
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bybit USDT perpetuals as a venue found at run time ({@code bybit}), configured from the environment:
 * {@code GRIDBOT_BYBIT_ENV} ({@code testnet}, the default, {@code demo} or {@code production}), the key and secret
 * from {@code GRIDBOT_BYBIT_API_KEY} and {@code GRIDBOT_BYBIT_API_SECRET} or else from the stored account
 * {@code GRIDBOT_BYBIT_ACCOUNT} (default {@code default}), and optional host overrides {@code GRIDBOT_BYBIT_REST_URL}
 * and {@code GRIDBOT_BYBIT_STREAM_URL} (a fake server in tests, or a proxy). A grid names the contract by Bybit's
 * symbol ({@code BTCUSDT}) and counts in the base coin, as Bybit does. The core's client order ids fit Bybit's
 * {@code orderLinkId} (36 letters, digits, {@code -} and {@code _}) as they are. Without credentials it lists the
 * contracts, their last prices and their maintenance-margin tiers (the public risk limits).
 */
public final class BybitVenueProvider implements VenueProvider {

    /** The code grid configurations name. */
    public static final String CODE = "bybit";
    public static final String ENV = "GRIDBOT_BYBIT_ENV";
    public static final String API_KEY = "GRIDBOT_BYBIT_API_KEY";
    public static final String API_SECRET = "GRIDBOT_BYBIT_API_SECRET";
    public static final String ACCOUNT = "GRIDBOT_BYBIT_ACCOUNT";
    public static final String REST_URL = "GRIDBOT_BYBIT_REST_URL";
    public static final String STREAM_URL = "GRIDBOT_BYBIT_STREAM_URL";

    /** Bybit's {@code orderLinkId}: at most 36 letters, digits, dashes and underscores. */
    static final ClientIdRules CLIENT_IDS = new ClientIdRules(36, "[A-Za-z0-9_-]");
    private static final Duration LISTING_TIMEOUT = Duration.ofSeconds(5);
    private static final CredentialSource KEYS = CredentialSource.keyAndSecret(CODE, API_KEY, API_SECRET);

    /** The provider, as the service loader makes it. */
    public BybitVenueProvider() {
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String displayName() {
        return "Bybit USDT perpetuals";
    }

    @Override
    public Capabilities capabilities() {
        return BybitAdapter.CAPABILITIES;
    }

    @Override
    public List<VenueSetting> settings() {
        return List.of(
                VenueSetting.plain(ENV, "testnet (the default), demo or production: which Bybit the key belongs to"),
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
    public ClientIdCodec clientIdCodec() {
        return ClientIdCodec.UNCHANGED;
    }

    @Override
    public SymbolListing listing(VenueSettings settings, String symbol) {
        String restUrl = publicRestUrl(settings);
        BybitRest rest = publicRest(settings);
        try {
            Optional<InstrumentWire> found = rest.instruments().find(symbol);
            if (found.isEmpty()) {
                return new SymbolListing.NotListed("bybit does not list it as a linear contract (a symbol like BTCUSDT)");
            }
            BybitSymbolRules rules = rest.instruments().rules(symbol);
            if (!"Trading".equals(rules.status())) {
                return new SymbolListing.NotListed("bybit lists it as " + rules.status() + ", not Trading");
            }
            return new SymbolListing.Listed(rules.core());
        } catch (ExchangeException e) {
            if (e.venueCode() == null && e.kind() == ExchangeErrorKind.OTHER) {
                // refused here: a contract the adapter cannot trade (a dated future, USDC-settled)
                return new SymbolListing.NotListed("bybit lists it, but " + e.venueMessage());
            }
            return new SymbolListing.Unchecked("bybit (" + restUrl + ") could not be reached: " + e.venueMessage());
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

    /** The tiers of Bybit's public risk limits, named by the endpoint, the day and the host they were read from. */
    @Override
    public Optional<MarginTable> marginTiers(VenueSettings settings, String symbol) {
        String source = "Bybit GET /v5/market/risk-limit, read " + LocalDate.now(ZoneOffset.UTC) + " from "
                + URI.create(publicRestUrl(settings)).getAuthority();
        return askPublicly(settings, Optional.empty(),
                rest -> new RiskLimitCalls(rest.client(), rest.wire()).brackets(symbol, source));
    }

    /** A read of the public endpoints that never throws: {@code otherwise} when Bybit cannot be asked. */
    private static <T> T askPublicly(VenueSettings settings, T otherwise, PublicRead<T> read) {
        BybitRest rest = publicRest(settings);
        try {
            return read.from(rest);
        } catch (ExchangeException | IllegalArgumentException e) {
            return otherwise;
        } finally {
            rest.client().close();
        }
    }

    private interface PublicRead<T> {
        T from(BybitRest rest) throws ExchangeException;
    }

    /** The REST host the environment points at, credentials or not: the testnet's unless named or overridden. */
    private static String publicRestUrl(VenueSettings settings) {
        return settings.value(REST_URL).orElse(hosts(settings).orElse(BybitHosts.TESTNET).restUrl());
    }

    /** An unsigned client of the public endpoints. */
    private static BybitRest publicRest(VenueSettings settings) {
        return BybitRest.open(BybitSettings.of(publicRestUrl(settings), BybitCredentials.NONE)
                .withTimeouts(LISTING_TIMEOUT, LISTING_TIMEOUT), why -> { });
    }

    @Override
    public ExchangeAdapter open(VenueSettings settings) throws VenueSetupException, ExchangeException {
        return BybitAdapter.open(settings(settings), streams(settings));
    }

    /** The environment's WebSockets, or those on the host {@code GRIDBOT_BYBIT_STREAM_URL} names. */
    public static BybitStreamSettings streams(VenueSettings venue) throws VenueSetupException {
        BybitHosts hosts = hostsOrRefuse(venue);
        BybitStreamSettings streams = BybitStreamSettings.at(hosts.publicWs(), hosts.privateWs());
        return venue.value(STREAM_URL).map(streams::onHost).orElse(streams);
    }

    /**
     * The adapter's settings from the environment and the stored accounts.
     *
     * @throws VenueSetupException naming the variable to set when the environment or the credentials are missing
     */
    public static BybitSettings settings(VenueSettings venue) throws VenueSetupException {
        BybitHosts hosts = hostsOrRefuse(venue);
        return BybitSettings.of(venue.value(REST_URL).orElse(hosts.restUrl()), credentials(venue));
    }

    /** Whether the environment holds a key and a secret, which {@link #settings} then takes over the store's. */
    public static boolean hasKeys(VenueSettings venue) {
        return KEYS.inEnvironment(venue);
    }

    /** The stored account {@link #settings} looks up when the environment holds no key: {@code default} unless named. */
    public static String account(VenueSettings venue) {
        return venue.value(ACCOUNT).orElse("default");
    }

    private static BybitCredentials credentials(VenueSettings venue) throws VenueSetupException {
        Map<String, String> keys = KEYS.fields(venue, account(venue));
        return new BybitCredentials(keys.get(AccountCredentials.API_KEY), keys.get(AccountCredentials.SECRET));
    }

    private static BybitHosts hostsOrRefuse(VenueSettings venue) throws VenueSetupException {
        return hosts(venue).orElseThrow(() -> new VenueSetupException(ENV + " must be testnet, demo or production, not '"
                + venue.value(ENV).orElse("") + "'"));
    }

    /** The environment {@code GRIDBOT_BYBIT_ENV} names ({@code testnet} when unset); empty when it names none. */
    private static Optional<BybitHosts> hosts(VenueSettings venue) {
        try {
            return Optional.of(BybitHosts.of(venue.value(ENV).orElse("testnet")));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
