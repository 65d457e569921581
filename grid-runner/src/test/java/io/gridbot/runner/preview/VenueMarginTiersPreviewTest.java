package io.gridbot.runner.preview;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.bybit.BybitVenueProvider;
import io.gridbot.exchange.bybit.fake.FakeBybit;
import io.gridbot.exchange.bybit.fake.FakeInstrument;
import io.gridbot.exchange.bybit.fake.FakeRiskLimit;
import io.gridbot.exchange.venue.VenueCatalog;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.runner.venue.VenueListings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The preview takes a symbol's maintenance-margin brackets from the venue when it publishes them (the fake Bybit's
 * risk limits), so a symbol the shipped table lacks still gets a liquidation estimate; when the venue cannot be asked
 * the shipped table is used, and the report says where its figures came from.
 */
class VenueMarginTiersPreviewTest {

    private final FakeBybit fake = FakeBybit.start(FakeInstrument.ETHUSDT, new BigDecimal("1650.00"))
            .riskLimits("ETHUSDT", List.of(new FakeRiskLimit("1000000", "0.01", ""),
                    new FakeRiskLimit("2000000", "0.015", "5000")));
    private final VenueListings venues = VenueListings.found(VenueCatalog.discover(),
            VenueSettings.of(Map.of(BybitVenueProvider.REST_URL, fake.restUrl())));

    @AfterEach
    void closeTheFake() {
        fake.close();
    }

    private static GridConfig longGrid(String symbol) {
        SymbolRules rules = new SymbolRules(symbol, new BigDecimal("0.01"), new BigDecimal("0.01"),
                new BigDecimal("0.01"), new BigDecimal("5"), 500);
        return GridConfig.builder("g", rules).exchange("bybit").mode(GridMode.LONG)
                .band(new BigDecimal("1500"), new BigDecimal("1700")).levels(5).orderQty(new BigDecimal("0.10"))
                .maxPosition(new BigDecimal("0.40")).build();
    }

    @Test
    void aBybitSymbolTheShippedTableLacksGetsItsLiquidationEstimateFromBybitsRiskLimits() {
        assertThat(MarginTables.shipped().find("bybit", "ETHUSDT")).as("not shipped").isEmpty();
        PreviewReport shippedOnly = Previews.of(longGrid("ETHUSDT"), BigDecimal.TEN, new BigDecimal("1650")).report();
        assertThat(shippedOnly.worstCases().get(0).liquidation()).isNull();

        PreviewReport report = Previews.of(longGrid("ETHUSDT"), BigDecimal.TEN, new BigDecimal("1650"), venues).report();

        assertThat(report.marginSource()).startsWith("Bybit GET /v5/market/risk-limit, read ");
        PreviewReport.Exposure worst = report.worstCases().get(0);
        assertThat(worst.direction()).isEqualTo("long");
        assertThat(worst.maintenanceRate()).as("Bybit's first tier, in percent").isEqualTo("1.0000");
        assertThat(worst.liquidation()).isNotNull();
        assertThat(new BigDecimal(worst.liquidation())).isLessThan(new BigDecimal(worst.averageEntry()));
        assertThat(fake.requestsSeen()).contains("GET /v5/market/risk-limit?category=linear&symbol=ETHUSDT");
    }

    @Test
    void whenTheVenueCannotBeAskedTheShippedTableIsUsedAndNamed() {
        fake.close();

        PreviewReport btc = Previews.of(longGrid("BTCUSDT"), BigDecimal.TEN, null, venues).report();
        PreviewReport eth = Previews.of(longGrid("ETHUSDT"), BigDecimal.TEN, null, venues).report();

        assertThat(btc.marginSource()).isEqualTo(MarginTables.shipped().find("bybit", "BTCUSDT").orElseThrow().source());
        assertThat(btc.worstCases().get(0).liquidation()).isNotNull();
        assertThat(eth.marginSource()).contains("no maintenance-margin table is known for ETHUSDT on bybit");
        assertThat(eth.worstCases().get(0).liquidation()).isNull();
    }
}
