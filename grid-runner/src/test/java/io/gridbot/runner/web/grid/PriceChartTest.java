package io.gridbot.runner.web.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.persistence.candle.CandleRepository.Candle;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The price chart's candles of every length, built from the stored minutes (issue 19). */
class PriceChartTest {

    private static final long HOUR = 1_699_999_200_000L; // an hour's start

    private static Candle minute(int m, String open, String high, String low, String close) {
        return new Candle(HOUR + m * 60_000L, new BigDecimal(open), new BigDecimal(high), new BigDecimal(low),
                new BigDecimal(close));
    }

    @Test
    void minutesFoldIntoLongerCandlesWithTheFirstOpenTheWidestRangeAndTheLastClose() {
        List<Candle> minutes = List.of(minute(0, "100", "101", "99.5", "100.5"), minute(1, "100.5", "103", "100", "102"),
                minute(4, "102", "102.25", "98", "99"), minute(5, "99", "99.5", "98.5", "99.1"));
        assertThat(PriceChart.aggregate(minutes, CandleInterval.M5)).containsExactly(
                new PriceChart.CandleRow(HOUR, "100", "103", "98", "99"),
                new PriceChart.CandleRow(HOUR + 300_000, "99", "99.5", "98.5", "99.1"));
        assertThat(PriceChart.aggregate(minutes, CandleInterval.H1)).containsExactly(
                new PriceChart.CandleRow(HOUR, "100", "103", "98", "99.1"));
        assertThat(PriceChart.aggregate(minutes, CandleInterval.M1)).hasSize(4);
        assertThat(PriceChart.aggregate(List.of(), CandleInterval.D1)).isEmpty();
    }

    @Test
    void aRangeWithoutAStartCoversTheDefaultCandlesAndNeverMoreMinutesThanAreRead() {
        long until = HOUR + 30 * 60_000L;
        long since = PriceChart.defaultSince(CandleInterval.M1, until);
        assertThat((until - since) / 60_000 + 1).isEqualTo(PriceChart.DEFAULT_CANDLES);
        assertThat(PriceChart.readable(PriceChart.defaultSince(CandleInterval.D1, until), until)).isTrue();
        assertThat(PriceChart.readable(0, until)).isFalse();
    }

    @Test
    void intervalsAreNamedAsTheApiNamesThem() {
        assertThat(CandleInterval.named("4h")).contains(CandleInterval.H4);
        assertThat(CandleInterval.named("2m")).isEmpty();
        assertThat(CandleInterval.labels()).isEqualTo("1m, 5m, 15m, 1h, 4h, 1d");
        assertThat(CandleInterval.H1.startOf(HOUR + 3_599_999)).isEqualTo(HOUR);
    }

    @Test
    void aSymbolsBaseAndQuoteAreFoundWithOrWithoutASeparator() {
        assertThat(SymbolAssets.of("BTCUSDT")).isEqualTo(new SymbolAssets("BTC", "USDT"));
        assertThat(SymbolAssets.of("ETH-USDC")).isEqualTo(new SymbolAssets("ETH", "USDC"));
        assertThat(SymbolAssets.of("BTC-USDT-SWAP")).isEqualTo(new SymbolAssets("BTC", "USDT"));
        assertThat(SymbolAssets.of("SOL/USDT:USDT")).isEqualTo(new SymbolAssets("SOL", "USDT"));
        assertThat(SymbolAssets.of("XYZABC")).isEqualTo(new SymbolAssets("base", "quote"));
    }
}
