package io.gridbot.runner.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gridbot.persistence.candle.CandleRepository.Candle;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The price chart's recorder (issue 19): prices folded at once, written later, a database outage survived. */
class CandleRecorderTest {

    private static final long T0 = 1_700_000_040_000L; // a minute's start

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final List<Candle> stored = new ArrayList<>();
    private boolean down;
    private final CandleRecorder recorder = new CandleRecorder("g", c -> {
        if (down) {
            throw new IllegalStateException("database away");
        }
        stored.add(c);
    });

    @BeforeEach
    void watchTheLog() {
        log.start();
        ((Logger) LoggerFactory.getLogger(CandleRecorder.class)).addAppender(log);
    }

    @AfterEach
    void stopWatching() {
        ((Logger) LoggerFactory.getLogger(CandleRecorder.class)).detachAppender(log);
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void pricesAreFoldedIntoTheirMinutesAndWrittenOnlyWhenAsked() {
        recorder.seen(T0 + 1_000, d("100"));
        recorder.seen(T0 + 2_000, d("104"));
        recorder.seen(T0 + 3_000, d("99"));
        recorder.seen(T0 + 61_000, d("101"));
        assertThat(stored).isEmpty();

        recorder.write();
        assertThat(stored).containsExactly(new Candle(T0, d("100"), d("104"), d("99"), d("99")),
                Candle.of(T0 + 60_000, d("101")));
        assertThat(recorder.unwritten()).isEmpty();
    }

    @Test
    void aFailedWriteIsLoggedOnceKeepsItsCandlesAndIsRetriedWithTheNextWrite() {
        down = true;
        recorder.seen(T0 + 1_000, d("100"));
        recorder.write();
        recorder.seen(T0 + 2_000, d("90"));
        recorder.write();
        recorder.seen(T0 + 3_000, d("95"));
        assertThat(stored).isEmpty();
        assertThat(warnings()).hasSize(1);
        assertThat(recorder.unwritten()).containsExactly(new Candle(T0, d("100"), d("100"), d("90"), d("95")));

        down = false;
        recorder.write();
        assertThat(stored).containsExactly(new Candle(T0, d("100"), d("100"), d("90"), d("95")));
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).last().asString()
                .contains("stored again");
        assertThat(warnings()).hasSize(1);
    }

    @Test
    void onlyOneWriteWaitsInTheWriteBehindAtATime() {
        List<Runnable> queued = new ArrayList<>();
        recorder.seen(T0, d("100"));
        recorder.writeLater(queued::add);
        recorder.writeLater(queued::add);
        assertThat(queued).hasSize(1);

        queued.getFirst().run();
        assertThat(stored).hasSize(1);
        recorder.writeLater(queued::add);
        assertThat(queued).as("a new one once the first has run").hasSize(2);
    }

    @Test
    void aDatabaseAwayForLongerThanADayKeepsTheNewestDay() {
        down = true;
        for (int i = 0; i < CandleRecorder.MAX_MINUTES + 10; i++) {
            recorder.seen(T0 + i * 60_000L, d("100"));
        }
        recorder.write();
        assertThat(recorder.unwritten()).hasSize(CandleRecorder.MAX_MINUTES);
        assertThat(recorder.unwritten().getFirst().startMs()).isEqualTo(T0 + 10 * 60_000L);
    }

    private List<ILoggingEvent> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    }
}
