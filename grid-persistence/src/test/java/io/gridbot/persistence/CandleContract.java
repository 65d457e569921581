package io.gridbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.persistence.candle.CandleRepository;
import io.gridbot.persistence.candle.CandleRepository.Candle;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The price candles' repository, run on each database: folding prices into minutes, replacing, reading ranges. */
abstract class CandleContract {

    private static final long T0 = 1_700_000_040_000L; // a minute's start

    protected abstract Database database();

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void pricesOfOneMinuteFoldIntoOneCandleAndTheNextMinuteStartsAnother() {
        CandleRepository candles = database().candles();
        candles.record(1, T0 + 1_000, d("26050.1"));
        candles.record(1, T0 + 2_000, d("26100"));
        candles.record(1, T0 + 3_000, d("25990.5"));
        candles.record(1, T0 + 59_999, d("26010"));
        candles.record(1, T0 + 60_000, d("26020"));
        candles.record(2, T0 + 5_000, d("1.5"));

        assertThat(candles.minutes(1, 0, Long.MAX_VALUE)).containsExactly(
                new Candle(T0, d("26050.1"), d("26100"), d("25990.5"), d("26010")),
                Candle.of(T0 + 60_000, d("26020")));
        assertThat(candles.minutes(2, 0, Long.MAX_VALUE)).containsExactly(Candle.of(T0, d("1.5")));
    }

    @Test
    void aLaterPartOfAMinuteKeepsTheStoredOpenWidensTheRangeAndSetsTheClose() {
        CandleRepository candles = database().candles();
        candles.record(1, new Candle(T0 + 1_000, d("100"), d("101"), d("99"), d("100.5")));
        candles.record(1, new Candle(T0 + 30_000, d("100.4"), d("103"), d("99.5"), d("102")));
        assertThat(candles.minutes(1, 0, Long.MAX_VALUE)).containsExactly(
                new Candle(T0, d("100"), d("103"), d("99"), d("102")));
    }

    @Test
    void aRangeReadsTheMinutesStartingWithinIt() {
        CandleRepository candles = database().candles();
        for (int i = 0; i < 5; i++) {
            candles.record(1, T0 + i * 60_000L, d("100").add(BigDecimal.valueOf(i)));
        }
        assertThat(candles.minutes(1, T0 + 60_000, T0 + 180_000)).extracting(Candle::startMs)
                .containsExactly(T0 + 60_000, T0 + 120_000, T0 + 180_000);
        assertThat(candles.minutes(1, T0 + 300_000, Long.MAX_VALUE)).isEmpty();
        assertThat(candles.newestMinute(1, Long.MAX_VALUE)).contains(T0 + 240_000);
        assertThat(candles.newestMinute(1, T0 + 119_999)).contains(T0 + 60_000);
        assertThat(candles.newestMinute(1, T0 - 1)).isEmpty();
        assertThat(candles.newestMinute(2, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void aReplayReplacesTheGridsCandlesAndLeavesOtherGridsAlone() {
        CandleRepository candles = database().candles();
        candles.record(1, T0, d("5"));
        candles.record(2, T0, d("7"));
        List<Candle> replayed = List.of(new Candle(T0 + 60_000, d("10"), d("12.25"), d("9.75"), d("11")),
                new Candle(T0 + 120_000, d("11"), d("11"), d("10.5"), d("10.5")));
        candles.replace(1, replayed);
        candles.replace(1, replayed);

        assertThat(candles.minutes(1, 0, Long.MAX_VALUE)).isEqualTo(replayed);
        assertThat(candles.minutes(2, 0, Long.MAX_VALUE)).containsExactly(Candle.of(T0, d("7")));
    }

    @Test
    void pricesKeepEveryDecimalPlace() {
        CandleRepository candles = database().candles();
        candles.record(1, T0, d("0.000000012345678901"));
        assertThat(candles.minutes(1, 0, Long.MAX_VALUE)).singleElement()
                .satisfies(c -> assertThat(c.close()).isEqualByComparingTo("0.000000012345678901"));
    }
}
