package io.gridbot.runner.soak;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.binance.data.BinanceDataFile;
import io.gridbot.exchange.replay.PriceSeries;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * One grid of a soak: its symbol as the venue lists it, its settings, and the recorded 1-minute klines its
 * market replays from {@code skipCandles} minutes into the file. The three standard grids trade distinct
 * symbols in the three modes, each from a ranging stretch of its file (its first two hours within about 14
 * lines, crossing them most often) whose next day stays inside the band, so no stop-loss ends a grid early,
 * with lines as close as two maker fees allow, so that every hour fills many.
 */
record SoakGrid(String name, SymbolRules rules, GridMode mode, BigDecimal lower, BigDecimal upper, int levels,
        BigDecimal orderQty, BigDecimal maxPosition, String klines, int skipCandles) {

    static List<SoakGrid> standard() {
        return List.of(
                new SoakGrid("soak-btc-neutral", rules("BTCUSDT", "0.10", "0.001", "100"), GridMode.NEUTRAL,
                        new BigDecimal("25500"), new BigDecimal("26800"), 105, new BigDecimal("0.005"),
                        new BigDecimal("0.050"), "/io/gridbot/runner/demo/BTCUSDT_1m_spot_20230826-20230929.csv.gz",
                        24_660),
                new SoakGrid("soak-eth-long", rules("ETHUSDT", "0.01", "0.001", "20"), GridMode.LONG,
                        new BigDecimal("1780"), new BigDecimal("1870"), 91, new BigDecimal("0.080"),
                        new BigDecimal("0.800"), "/io/gridbot/runner/soak/ETHUSDT_1m_spot_20231007-20231110.csv.gz",
                        39_540),
                new SoakGrid("soak-link-short", rules("LINKUSDT", "0.001", "0.01", "5"), GridMode.SHORT,
                        new BigDecimal("6.900"), new BigDecimal("7.600"), 71, new BigDecimal("3.00"),
                        new BigDecimal("30.00"), "/io/gridbot/exchange/binance/data/LINKUSDT-1m-2023-02-first3000.csv.gz",
                        1_440));
    }

    String symbol() {
        return rules.symbol();
    }

    GridConfig config() {
        return GridConfig.builder(name, rules).exchange("binance").mode(mode).band(lower, upper).levels(levels)
                .orderQty(orderQty).maxPosition(maxPosition).stopLossBufferPct(new BigDecimal("5")).build();
    }

    /** The recorded market, four trades a candle. */
    PriceSeries market() {
        InputStream in = SoakGrid.class.getResourceAsStream(klines);
        if (in == null) {
            throw new IllegalStateException("the klines " + klines + " are not on the class path");
        }
        PriceSeries series = BinanceDataFile.open(in, BinanceDataFile.Kind.KLINES, klines);
        for (long trade = 0; trade < 4L * skipCandles; trade++) { // four trades a candle
            series.next();
        }
        return series;
    }

    private static SymbolRules rules(String symbol, String tick, String step, String minNotional) {
        return new SymbolRules(symbol, new BigDecimal(tick), new BigDecimal(step), new BigDecimal(step),
                new BigDecimal(minNotional), 200);
    }
}
