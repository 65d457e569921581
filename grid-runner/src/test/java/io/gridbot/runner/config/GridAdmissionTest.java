package io.gridbot.runner.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.binance.BinanceVenueProvider;
import io.gridbot.exchange.binance.fake.FakeBinance;
import io.gridbot.exchange.venue.VenueCatalog;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.runner.venue.SimulatedVenue;
import io.gridbot.runner.venue.VenueListings;
import io.gridbot.runner.venue.VenueListings.Listing;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A configuration against its venue: the fake Binance speaks the real exchangeInfo. */
class GridAdmissionTest {

    private FakeBinance fake;

    @BeforeEach
    void start() {
        fake = FakeBinance.start(FakeBinance.BTCUSDT, new BigDecimal("26050.0"));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static GridConfig grid(String exchange, SymbolRules rules) {
        return GridConfig.builder("g", rules).exchange(exchange).mode(GridMode.SHORT)
                .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21).orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.100")).build();
    }

    /** The venues found on the class path, Binance pointed at {@code restUrl}, as the environment points it. */
    private static VenueListings venues(String restUrl) {
        return VenueListings.found(VenueCatalog.discover(),
                VenueSettings.of(Map.of(BinanceVenueProvider.REST_URL, restUrl)));
    }

    private GridAdmission.Verdict check(GridConfig grid) {
        return new GridAdmission(venues(fake.restUrl()), Optional.empty()).check(List.of(grid));
    }

    @Test
    void binanceRulesComeFromItsPublicExchangeInfoAndAMismatchNamesBothValues() {
        assertThat(check(grid("binance", FakeBinance.BTCUSDT)).problems()).isEmpty();

        SymbolRules wrong = new SymbolRules("BTCUSDT", new BigDecimal("0.01"), new BigDecimal("0.001"),
                new BigDecimal("0.001"), new BigDecimal("5"), 300);
        GridAdmission.Verdict verdict = check(grid("binance", wrong));

        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.problems()).extracting(GridFile.Problem::toString).containsExactlyInAnyOrder(
                "grid g: priceTick: 0.01 is not the venue's tick size 0.10 for BTCUSDT on binance",
                "grid g: minNotional: 5 is below the venue's minimum notional 100 for BTCUSDT on binance: "
                        + "orders the grid plans would be refused",
                "grid g: maxOpenOrders: 300 is above the venue's cap of 200 open orders for BTCUSDT on binance");
    }

    @Test
    void aSymbolBinanceDoesNotListIsRefused() {
        SymbolRules eth = new SymbolRules("ETHUSDT", new BigDecimal("0.01"), new BigDecimal("0.001"),
                new BigDecimal("0.001"), new BigDecimal("5"), 200);

        assertThat(check(grid("binance", eth)).problems()).extracting(GridFile.Problem::toString)
                .containsExactly("grid g: symbol: ETHUSDT is not listed: binance does not list it");
    }

    @Test
    void anUnreachableVenueIsAWarningThatNothingWasCheckedNotAFailure() {
        String url = fake.restUrl();
        fake.close();

        GridAdmission.Verdict verdict = new GridAdmission(venues(url), Optional.empty())
                .check(List.of(grid("binance", FakeBinance.BTCUSDT)));

        assertThat(verdict.ok()).isTrue();
        assertThat(verdict.warnings()).singleElement().satisfies(w -> assertThat(w)
                .contains("grid g: binance (" + url + ") could not be reached", "were not checked against the venue"));
    }

    @Test
    void theSimulatedVenueListsWhatTheDaemonLists() {
        VenueListings venues = venues(fake.restUrl());

        assertThat(venues.lookup("simulated", "BTCUSDT")).isEqualTo(new Listing.Listed(SimulatedVenue.BTCUSDT));
        assertThat(venues.lookup("simulated", "ETHUSDT")).isInstanceOf(Listing.NotListed.class);
    }

    @Test
    void theRunnerTradesExactlyTheVenuesFoundOnItsClassPath() {
        assertThat(VenueCatalog.discover().codes()).containsExactly("binance", "bybit", "okx", "simulated");
        assertThat(VenueCatalog.discover().providers()).extracting(p -> p.getClass().getName()).containsExactly(
                BinanceVenueProvider.class.getName(), "io.gridbot.exchange.bybit.BybitVenueProvider",
                "io.gridbot.exchange.okx.OkxVenueProvider",
                "io.gridbot.exchange.sim.SimulatedVenueProvider");
        assertThat(venues(fake.restUrl()).codes()).containsExactly("binance", "bybit", "okx", "simulated");
    }

    @Test
    void aVenueNoProviderWasFoundForIsRefusedAtTheExchangeFieldWithTheVenuesFound() {
        for (String code : List.of("kucoin", "kraken")) {
            assertThat(check(grid(code, FakeBinance.BTCUSDT)).problems()).extracting(GridFile.Problem::toString)
                    .containsExactly("grid g: exchange: unknown venue '" + code + "' (venues found: binance, bybit, okx, simulated)");
        }
    }

    @Test
    void theBinanceHostFollowsTheEnvironment() {
        assertThat(io.gridbot.runner.venue.BinanceEnvironment.publicRestUrl(Map.of()))
                .isEqualTo(io.gridbot.exchange.binance.BinanceHosts.DEMO.rest());
        assertThat(io.gridbot.runner.venue.BinanceEnvironment.publicRestUrl(Map.of("GRIDBOT_BINANCE_ENV", "production")))
                .isEqualTo(io.gridbot.exchange.binance.BinanceHosts.PRODUCTION.rest());
        assertThat(io.gridbot.runner.venue.BinanceEnvironment.publicRestUrl(Map.of("GRIDBOT_BINANCE_REST_URL",
                "http://127.0.0.1:9"))).isEqualTo("http://127.0.0.1:9");
    }
}
