package io.gridbot.runner.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.log.LogType;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.binance.data.BinanceDataFile;
import io.gridbot.exchange.sim.Liquidation;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Issue 15: a replay that breaches the maintenance margin is liquidated, says so, and its grid stops. */
class ReplayLiquidationTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);

    /**
     * 1,000 falling one-minute candles from 2023-08-29 00:00 UTC, 2 USDT down each (26,950 to 24,952), in the
     * simple kline layout: a long grid buys all the way down.
     */
    static String fallingCandles() {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        LocalDateTime start = LocalDateTime.of(2023, 8, 29, 0, 0);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (int i = 0; i < 1_000; i++) {
            int open = 26_950 - 2 * i;
            csv.append(time.format(start.plusMinutes(i))).append(',').append(open).append(',').append(open + 1)
                    .append(',').append(open - 3).append(',').append(open - 2).append(",100\n");
        }
        return csv.toString();
    }

    /** Long BTCUSDT, 25,000 to 27,000 in 21 lines of 0.050: the stop-loss line (24,875) is below the series. */
    static GridConfig longGrid() {
        return GridConfig.builder("long", BTC).mode(GridMode.LONG).band(new BigDecimal("25000"), new BigDecimal("27000"))
                .levels(21).orderQty(new BigDecimal("0.050")).maxPosition(new BigDecimal("1.000")).build();
    }

    @Test
    void aLongGridOnHighLeverageOverAFallingSeriesIsLiquidatedStopsAndNeverOwesMoreThanTheLiquidationFee()
            throws Exception {
        SimSettings venue = SimSettings.defaults().withInitialBalance(new BigDecimal("300"))
                .withLeverage(new BigDecimal("100"));
        AtomicReference<SimulatedExchange> sim = new AtomicReference<>();
        List<BigDecimal> equity = new ArrayList<>();
        ReplaySession session = new ReplaySession(longGrid(), venue, v -> {
            sim.set((SimulatedExchange) v);
            return v;
        });

        ReplaySession.Result r = session.run(BinanceDataFile.open(new ByteArrayInputStream(
                fallingCandles().getBytes(StandardCharsets.US_ASCII)), BinanceDataFile.Kind.KLINES, "falling"), 1,
                (n, t) -> equity.add(sim.get().margin().equity()));

        Liquidation l = r.liquidation().orElseThrow();
        assertThat(l.equity()).isLessThan(l.maintenanceMargin());
        assertThat(l.side()).isEqualTo(io.gridbot.core.order.Side.SELL);
        assertThat(l.price()).isLessThan(l.liquidationPrice());
        // never below zero by more than the liquidation fee; in fact never below zero, as the fee takes at most
        // what is left, and these candles never jump past the bankruptcy price
        assertThat(equity).allSatisfy(e -> assertThat(e).isGreaterThanOrEqualTo(l.fee().negate()))
                .allSatisfy(e -> assertThat(e).isNotNegative());
        // the grid stopped at once, flat, and entered nothing again on the empty account
        assertThat(r.view().status()).isEqualTo(GridStatus.STOPPED);
        assertThat(r.view().position()).isZero();
        assertThat(r.statistics().currentPosition()).isZero();
        assertThat(r.journal().fills()).allSatisfy(f -> assertThat(f.atMs()).isLessThanOrEqualTo(l.atMs()));
        assertThat(r.journal().orders()).allSatisfy(o -> assertThat(o.placedAtMs()).isLessThanOrEqualTo(l.atMs()));
        assertThat(r.journal().errors()).isEmpty();
        // the grid's ledger is the venue's trade history, the liquidation included, and so are its statistics
        List<TradeRecord> venueTrades = sim.get().trades("BTCUSDT", 0);
        List<Fill> ledger = r.journal().fills();
        assertThat(ledger).extracting(Fill::tradeId).containsExactlyElementsOf(
                venueTrades.stream().map(TradeRecord::tradeId).toList());
        for (int i = 0; i < ledger.size(); i++) {
            assertThat(ledger.get(i).fee()).isEqualByComparingTo(venueTrades.get(i).fee());
            assertThat(ledger.get(i).price()).isEqualByComparingTo(venueTrades.get(i).price());
        }
        assertThat(ledger.get(ledger.size() - 1).clientOrderId()).isEqualTo(l.clientOrderId());
        BigDecimal wallet = sim.get().balances().get(0).wallet();
        assertThat(venue.initialBalance().add(r.statistics().totalPnl())).isEqualByComparingTo(wallet);
        assertThat(wallet).isNotNegative();
    }

    @Test
    void aHedgeModeLongGridIsLiquidatedOnItsLongLegAndStopsFlatOnEveryLeg() throws Exception { // issue 16
        SimSettings venue = SimSettings.defaults().withInitialBalance(new BigDecimal("300"))
                .withLeverage(new BigDecimal("100"));
        AtomicReference<SimulatedExchange> sim = new AtomicReference<>();
        GridConfig hedged = longGrid().toBuilder().positionMode(PositionMode.HEDGE).build();

        ReplaySession.Result r = new ReplaySession(hedged, venue, v -> {
            sim.set((SimulatedExchange) v);
            return v;
        }).run(BinanceDataFile.open(new ByteArrayInputStream(fallingCandles().getBytes(StandardCharsets.US_ASCII)),
                BinanceDataFile.Kind.KLINES, "falling"), 1, (n, t) -> { });

        Liquidation l = r.liquidation().orElseThrow();
        assertThat(sim.get().positionMode()).isEqualTo(PositionMode.HEDGE);
        assertThat(l.side()).isEqualTo(io.gridbot.core.order.Side.SELL);
        assertThat(r.view().status()).isEqualTo(GridStatus.STOPPED);
        assertThat(r.view().legs().isFlat()).as(r.view().legs().describe()).isTrue();
        assertThat(sim.get().positions("BTCUSDT")).allSatisfy(p -> assertThat(p.netQty()).isZero());
        assertThat(r.journal().errors()).isEmpty();
        Fill liquidation = r.journal().fills().getLast();
        assertThat(liquidation.clientOrderId()).isEqualTo(l.clientOrderId());
        assertThat(liquidation.leg()).as("booked on the long leg it closed").isEqualTo(PositionSide.LONG);
        assertThat(r.journal().fills()).extracting(Fill::tradeId).containsExactlyElementsOf(
                sim.get().trades("BTCUSDT", 0).stream().map(TradeRecord::tradeId).toList());
        assertThat(venue.initialBalance().add(r.statistics().totalPnl()))
                .isEqualByComparingTo(sim.get().balances().get(0).wallet());
    }

    @Test
    void theSameGridOnLowLeverageIsRefusedEntriesInsteadAndSurvives() throws Exception {
        SimSettings venue = SimSettings.defaults().withInitialBalance(new BigDecimal("300"))
                .withLeverage(new BigDecimal("5"));

        ReplaySession.Result r = new ReplaySession(longGrid(), venue).run(BinanceDataFile.open(new ByteArrayInputStream(
                fallingCandles().getBytes(StandardCharsets.US_ASCII)), BinanceDataFile.Kind.KLINES, "falling"), 1_000,
                (n, t) -> { });

        assertThat(r.liquidation()).isEmpty();
        assertThat(r.view().status()).isEqualTo(GridStatus.RUNNING);
    }
}
