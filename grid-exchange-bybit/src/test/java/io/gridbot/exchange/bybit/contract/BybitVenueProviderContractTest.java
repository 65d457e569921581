package io.gridbot.exchange.bybit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.bybit.BybitHosts;
import io.gridbot.exchange.bybit.BybitVenueProvider;
import io.gridbot.exchange.bybit.fake.FakeBybit;
import io.gridbot.exchange.bybit.fake.FakeInstrument;
import io.gridbot.exchange.contract.VenueProviderContract;
import io.gridbot.exchange.venue.AccountCredentials;
import io.gridbot.exchange.venue.ClientIdCodec;
import io.gridbot.exchange.venue.SymbolListing;
import io.gridbot.exchange.venue.VenueCatalog;
import io.gridbot.exchange.venue.VenueProvider;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.exchange.venue.VenueSetupException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bybit's provider keeps the provider contract against the fake Bybit, and reads its environment as docs/bybit.md
 * says: key and secret from the environment or the stored account, testnet unless demo or production is named, the
 * hosts overridable, the listing from the public instruments, and a clear reason when something is missing (issue 18).
 * Without credentials it offers the contracts the adapter trades, every page of them, and tells a contract's last
 * price.
 */
class BybitVenueProviderContractTest extends VenueProviderContract {

    private FakeBybit fake;

    @Override
    protected VenueProvider provider() {
        return new BybitVenueProvider();
    }

    @Override
    protected VenueSettings settings() {
        fake = FakeBybit.start(FakeInstrument.BTCUSDT, new BigDecimal("64000.0"));
        return VenueSettings.of(Map.of(BybitVenueProvider.API_KEY, FakeBybit.CREDENTIALS.apiKey(),
                BybitVenueProvider.API_SECRET, FakeBybit.CREDENTIALS.secret(), BybitVenueProvider.REST_URL, fake.restUrl(),
                BybitVenueProvider.STREAM_URL, fake.streamHost()));
    }

    @AfterEach
    void closeTheFake() {
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void theSymbolsComeFromThePublicInstrumentsWithoutCredentials() {
        fake = FakeBybit.start(FakeInstrument.ETHUSDT, new BigDecimal("1650.00"));
        VenueSettings noKeys = VenueSettings.of(Map.of(BybitVenueProvider.REST_URL, fake.restUrl()));

        assertThat(provider().listing(noKeys, "ETHUSDT")).isInstanceOfSatisfying(SymbolListing.Listed.class, l -> {
            SymbolRules rules = l.rules();
            assertThat(rules.symbol()).isEqualTo("ETHUSDT");
            assertThat(rules.tickSize()).isEqualByComparingTo("0.01");
            assertThat(rules.stepSize()).isEqualByComparingTo("0.01");
            assertThat(rules.minQty()).isEqualByComparingTo("0.01");
            assertThat(rules.minNotional()).as("minNotionalValue").isEqualByComparingTo("5");
            assertThat(rules.maxOpenOrders()).isEqualTo(500);
        });
        assertThat(fake.requestsSeen()).as("no signed call, only the public list").allSatisfy(
                r -> assertThat(r).contains("/v5/market/instruments-info"));
        assertThat(provider().listing(noKeys, "ETH-USDT-SWAP")).isInstanceOfSatisfying(SymbolListing.NotListed.class,
                n -> assertThat(n.reason()).startsWith("bybit does not list it"));
        String url = fake.restUrl();
        fake.close();
        assertThat(provider().listing(noKeys, "ETHUSDT")).isInstanceOfSatisfying(SymbolListing.Unchecked.class,
                u -> assertThat(u.reason()).startsWith("bybit (" + url + ") could not be reached"));
    }

    @Test
    void theSymbolsOfferedAreTheTradingUsdtPerpetualsInOrderAndEachHasItsLastPrice() {
        fake = FakeBybit.start(FakeInstrument.ETHUSDT, new BigDecimal("1650.25"))
                .list(FakeInstrument.BTCUSDT, new BigDecimal("64000.5"))
                .listAs(like("XRPUSDT"), new BigDecimal("0.5"), "LinearPerpetual", "PreLaunch", "USDT")
                .listAs(like("BTC-27MAR26"), new BigDecimal("64300.0"), "LinearFutures", "Trading", "USDC")
                .listAs(like("BTCPERP"), new BigDecimal("64010.0"), "LinearPerpetual", "Trading", "USDC")
                .list(like("AAVEUSDT"), new BigDecimal("61.2"));
        VenueSettings noKeys = VenueSettings.of(Map.of(BybitVenueProvider.REST_URL, fake.restUrl()));

        assertThat(provider().symbols(noKeys)).containsExactly("AAVEUSDT", "BTCUSDT", "ETHUSDT");
        assertThat(provider().lastPrice(noKeys, "ETHUSDT")).contains(new BigDecimal("1650.25"));
        fake.trade("BTCUSDT", new BigDecimal("64012.3"), new BigDecimal("0.01"));
        assertThat(provider().lastPrice(noKeys, "BTCUSDT")).contains(new BigDecimal("64012.3"));
        assertThat(provider().lastPrice(noKeys, "DOGEUSDT")).as("not listed").isEmpty();
        assertThat(fake.requestsSeen()).as("no signed call").allSatisfy(
                r -> assertThat(r).containsAnyOf("/v5/market/instruments-info?", "/v5/market/tickers?category=linear&symbol="));

        fake.close();
        assertThat(provider().symbols(noKeys)).as("unreachable").isEmpty();
        assertThat(provider().lastPrice(noKeys, "BTCUSDT")).as("unreachable").isEmpty();
    }

    @Test
    void moreContractsThanAPageHoldsAreReadPageAfterPageByTheCursor() {
        fake = FakeBybit.start(FakeInstrument.BTCUSDT, new BigDecimal("64000.0"));
        for (int i = 0; i < 1_100; i++) {
            fake.list(like(String.format("C%04dUSDT", i)), BigDecimal.ONE);
        }
        VenueSettings noKeys = VenueSettings.of(Map.of(BybitVenueProvider.REST_URL, fake.restUrl()));

        List<String> symbols = provider().symbols(noKeys);

        assertThat(symbols).hasSize(1_101).startsWith("BTCUSDT", "C0000USDT").endsWith("C1099USDT").isSorted();
        assertThat(fake.requestsSeen()).containsExactly(
                "GET /v5/market/instruments-info?category=linear&limit=1000",
                "GET /v5/market/instruments-info?category=linear&limit=1000&cursor=page-1000");
    }

    /** A contract shaped like the BTC one under another symbol. */
    private static FakeInstrument like(String symbol) {
        FakeInstrument i = FakeInstrument.BTCUSDT;
        return new FakeInstrument(symbol, i.tickSize(), i.qtyStep(), i.minOrderQty(), i.minNotionalValue());
    }

    @Test
    void theKeysComeFromTheEnvironmentElseTheStoredAccountElseTheReasonSaysWhatToSet() throws Exception {
        VenueSettings stored = new VenueSettings(Map.of(BybitVenueProvider.ACCOUNT, "main"), (venue, account) ->
                venue.equals("bybit") && account.equals("main") ? Optional.of(new AccountCredentials(venue, account,
                        Map.of(AccountCredentials.API_KEY, "stored-k", AccountCredentials.SECRET, "stored-s")))
                        : Optional.empty());
        assertThat(BybitVenueProvider.settings(stored).credentials().apiKey()).isEqualTo("stored-k");
        assertThat(BybitVenueProvider.settings(stored).restUrl()).as("testnet by default")
                .isEqualTo(BybitHosts.TESTNET.restUrl());
        assertThat(BybitVenueProvider.streams(stored).privateUrl()).isEqualTo(BybitHosts.TESTNET.privateWs());
        VenueSettings demo = VenueSettings.of(Map.of(BybitVenueProvider.ENV, "demo", BybitVenueProvider.API_KEY, "k",
                BybitVenueProvider.API_SECRET, "s"));
        assertThat(BybitVenueProvider.settings(demo).restUrl()).isEqualTo("https://api-demo.bybit.com");
        assertThat(BybitVenueProvider.streams(demo).publicUrl()).as("demo reads mainnet's market data")
                .isEqualTo("wss://stream.bybit.com/v5/public/linear");
        assertThat(BybitVenueProvider.settings(VenueSettings.of(Map.of(BybitVenueProvider.ENV, "production",
                BybitVenueProvider.API_KEY, "k", BybitVenueProvider.API_SECRET, "s"))).restUrl())
                .isEqualTo(BybitHosts.PRODUCTION.restUrl());
        assertThat(BybitVenueProvider.streams(VenueSettings.of(Map.of(BybitVenueProvider.STREAM_URL, "ws://127.0.0.1:9"))))
                .satisfies(s -> {
                    assertThat(s.publicUrl()).isEqualTo("ws://127.0.0.1:9/v5/public/linear");
                    assertThat(s.privateUrl()).isEqualTo("ws://127.0.0.1:9/v5/private");
                });

        assertThatThrownBy(() -> VenueCatalog.of(List.of(provider())).open("bybit", VenueSettings.of(Map.of())))
                .isInstanceOf(VenueSetupException.class)
                .hasMessage("no credentials: set GRIDBOT_BYBIT_API_KEY and GRIDBOT_BYBIT_API_SECRET, "
                        + "or store the bybit account 'default' in the encrypted credential store");
        assertThatThrownBy(() -> BybitVenueProvider.settings(VenueSettings.of(Map.of(BybitVenueProvider.ENV, "mainnet"))))
                .hasMessage("GRIDBOT_BYBIT_ENV must be testnet, demo or production, not 'mainnet'");
    }

    @Test
    void everySettingItReadsIsDescribedTheSecretOnesMayBeStoredAndTheCoreIdsPassAsTheyAre() {
        assertThat(provider().settings()).extracting(s -> s.name()).containsExactly(BybitVenueProvider.ENV,
                BybitVenueProvider.API_KEY, BybitVenueProvider.API_SECRET, BybitVenueProvider.ACCOUNT,
                BybitVenueProvider.REST_URL, BybitVenueProvider.STREAM_URL);
        assertThat(provider().settings()).filteredOn(s -> s.secret()).extracting(s -> s.storedField())
                .containsExactly(AccountCredentials.API_KEY, AccountCredentials.SECRET);
        assertThat(provider().clientIdRules().toString()).isEqualTo("at most 36 characters of [A-Za-z0-9_-]");
        assertThat(provider().clientIdCodec()).isSameAs(ClientIdCodec.UNCHANGED);
    }
}
