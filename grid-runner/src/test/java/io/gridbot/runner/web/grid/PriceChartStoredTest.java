package io.gridbot.runner.web.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.persistence.candle.CandleRepository.Candle;
import io.gridbot.persistence.config.StoredGrid;
import io.gridbot.runner.testing.StoredGrids;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The price chart over stored candles (issue 19): a replayed grid's past shows without a range being named. */
class PriceChartStoredTest {

    private static final long PAST = 1_693_008_000_000L; // 2023-08-26, a day's start

    @TempDir
    Path dir;

    @Test
    void aRangeWithoutAStartEndsAtTheNewestStoredMinuteSoAReplayedGridShowsItsLastCandles() {
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            long id = StoredGrids.longBtc(db, "replayed");
            List<Candle> minutes = new ArrayList<>();
            for (int m = 0; m < 600; m++) {
                minutes.add(Candle.of(PAST + m * 60_000L, new BigDecimal(26000 + m)));
            }
            db.candles().replace(id, minutes);
            StoredGrid grid = db.configs().find("replayed").orElseThrow();
            PriceChart chart = new PriceChart(db);

            long now = PAST + 400L * 86_400_000L;
            long until = chart.defaultUntil(grid, now);
            assertThat(until).isEqualTo(PAST + 599 * 60_000L);
            List<PriceChart.CandleRow> shown = chart.candles(grid, CandleInterval.M1,
                    PriceChart.defaultSince(CandleInterval.M1, until), now);
            assertThat(shown).hasSize(PriceChart.DEFAULT_CANDLES);
            assertThat(shown.getLast()).isEqualTo(new PriceChart.CandleRow(PAST + 599 * 60_000L, "26599", "26599",
                    "26599", "26599"));
            assertThat(chart.candles(grid, CandleInterval.H1, PAST, now)).extracting(PriceChart.CandleRow::close)
                    .containsExactly("26059", "26119", "26179", "26239", "26299", "26359", "26419", "26479", "26539",
                            "26599");
        }
    }
}
