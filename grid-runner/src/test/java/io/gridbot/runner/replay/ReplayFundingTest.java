package io.gridbot.runner.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.binance.data.BinanceFundingFile;
import io.gridbot.exchange.replay.FundingRate;
import io.gridbot.exchange.replay.FundingSchedule;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.engine.GridJournal;
import io.gridbot.runner.store.PersistentJournal;
import io.gridbot.stats.metrics.Rounding;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: funding from a funding-rate file, settled on the open position and in every statistic. */
class ReplayFundingTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);
    /** The recorded series' first funding time, 2025-12-12 16:00 UTC, at a positive rate of 0.003383 %. */
    private static final long FUNDING_AT = 1_765_555_200_002L;

    private static FundingSchedule recorded() {
        return BinanceFundingFile.read(ReplayFundingTest.class.getResourceAsStream(
                "/io/gridbot/exchange/binance/data/funding_binance_BTCUSDT.csv"), "funding_binance_BTCUSDT.csv");
    }

    /**
     * A short grid whose sell entry at 26,100 fills as the price passes through it to 26,150, where it stays
     * for three hours across the funding time: the grid is short 0.010 at that time, marked at 26,150.
     */
    private static ReplaySession.Result replay(FundingSchedule funding) throws Exception {
        return replay(funding, GridJournal.NONE);
    }

    private static GridConfig shortGrid() {
        return GridConfig.builder("short", BTC).mode(GridMode.SHORT).band(new BigDecimal("25000"),
                new BigDecimal("27000")).levels(21).orderQty(new BigDecimal("0.010")).maxPosition(new BigDecimal("0.100"))
                .build();
    }

    private static ReplaySession.Result replay(FundingSchedule funding, GridJournal also) throws Exception {
        List<String> prices = new ArrayList<>(Trades.flat("26050.0", 10));
        prices.addAll(Trades.flat("26150.0", 170));
        return new ReplaySession(shortGrid(), SimSettings.defaults()).withFunding(funding)
                .run(Trades.everyMinute(FUNDING_AT - 2 * 3_600_000L, prices), 1_000, (n, t) -> { }, also);
    }

    @Test
    void aReplayIntoTheDatabaseStoresItsFundingWhereTheGridsStatisticsReadIt(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            long id = db.configs().create(shortGrid(), 0);
            try (PersistentJournal journal = new PersistentJournal(db, id, "test", System::currentTimeMillis)) {
                replay(recorded(), journal);
            }

            assertThat(db.accountHistory().funding(id, 0, Long.MAX_VALUE)).singleElement().satisfies(f -> {
                assertThat(f.atMs()).isEqualTo(FUNDING_AT);
                assertThat(f.asset()).isEqualTo("USDT");
                assertThat(f.amount()).isEqualByComparingTo("0.008846545");
            });
        }
    }

    @Test
    void aShortHeldAcrossAFundingTimeWithAPositiveRateReceivesExactlyQuantityTimesPriceTimesRate() throws Exception {
        FundingSchedule funding = recorded();
        FundingRate due = funding.rates().get(0);
        assertThat(due.atMs()).isEqualTo(FUNDING_AT);
        assertThat(due.rate()).isPositive();

        ReplaySession.Result with = replay(funding);
        ReplaySession.Result without = replay(FundingSchedule.NONE);

        assertThat(with.view().position()).isEqualByComparingTo("-0.010");
        BigDecimal expected = new BigDecimal("0.010").multiply(new BigDecimal("26150.0")).multiply(due.rate());
        assertThat(expected).isEqualByComparingTo("0.008846545");
        assertThat(with.journal().funding()).singleElement().satisfies(p -> {
            assertThat(p.atMs()).isEqualTo(FUNDING_AT);
            assertThat(p.amount()).isEqualByComparingTo(expected);
        });
        assertThat(with.statistics().funding()).isEqualByComparingTo(expected);
        assertThat(with.statistics().totalPnl().subtract(without.statistics().totalPnl())).isEqualByComparingTo(expected);
        assertThat(without.statistics().funding()).isZero();
        assertThat(with.journal().fills()).hasSameSizeAs(without.journal().fills());
        assertThat(ReplaySummary.funding(with.funding(), with.journal().funding(), with.firstMs(), with.lastMs(), Rounding.quote("BTCUSDT")))
                .isEqualTo("  funding: funding_binance_BTCUSDT.csv, 1 of 540 funding times within the replay, 1 on an "
                        + "open position: received 0.01 USDT (in total PnL)");
        assertThat(ReplaySummary.funding(without.funding(), without.journal().funding(), without.firstMs(),
                without.lastMs(), Rounding.quote("BTCUSDT"))).isEqualTo("  funding: none");
    }
}
