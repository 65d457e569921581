package io.gridbot.exchange.binance.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.wire.ServerClock;
import io.gridbot.exchange.stream.StreamHealthEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The supervisor's schedule on a clock the test moves (AC5.4, edge case 1): the production delays of 5, 10 and
 * 15 s, the venue's Retry-After stretching a delay, GAVE_UP after the last attempt, an immediate retry, and
 * replacement at the maximum age, all without a socket or a real timer.
 */
class StreamSupervisorTest {

    private static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15));
    private static final Duration MAX_AGE = Duration.ofHours(23).plusMinutes(50);

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final Listeners<StreamHealthEvent> listeners = new Listeners<>();
    private final List<StreamHealthEvent> health = new ArrayList<>();
    private final FakeStream stream = new FakeStream("user-data stream");
    private final AtomicInteger resyncs = new AtomicInteger();
    private final StreamSupervisor supervisor = new StreamSupervisor(DELAYS, MAX_AGE, new ServerClock(now::get), listeners);

    /** A stream whose connects fail while told to. */
    private static final class FakeStream implements StreamSupervisor.Stream {
        private final String name;
        int connects;
        int failures;
        Exception failure = new IOException("refused");

        FakeStream(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void connect() throws Exception {
            connects++;
            if (failures > 0) {
                failures--;
                throw failure;
            }
        }

        @Override
        public void disconnect() {
        }
    }

    @BeforeEach
    void open() throws Exception {
        listeners.add(null, health::add);
        supervisor.resyncWith(resyncs::incrementAndGet);
        supervisor.open(stream);
    }

    private long at(Duration after) {
        return now.addAndGet(after.toMillis());
    }

    private List<StreamState> states() {
        return health.stream().map(StreamHealthEvent::state).toList();
    }

    @Test
    void aLostStreamIsRetriedAfterTheFirstDelayAndResynchronisedBeforeConnected() {
        supervisor.lost("user-data stream failed", false);
        long next = supervisor.doWork(now.get());

        assertThat(states()).containsExactly(StreamState.DISCONNECTED);
        assertThat(next).isEqualTo(now.get() + 5_000);
        supervisor.doWork(at(Duration.ofMillis(4_999)));
        assertThat(stream.connects).as("nothing before the delay").isEqualTo(1);

        supervisor.doWork(at(Duration.ofMillis(1)));

        assertThat(states()).containsExactly(StreamState.DISCONNECTED, StreamState.RECONNECTING, StreamState.CONNECTED);
        assertThat(resyncs).hasValue(1);
        assertThat(supervisor.connected()).isTrue();
    }

    @Test
    void failedAttemptsFollowTheScheduleThenGiveUp() {
        stream.failures = 100;
        supervisor.lost("dropped", false);
        supervisor.doWork(now.get());

        assertThat(supervisor.doWork(at(Duration.ofSeconds(5)))).isEqualTo(now.get() + 10_000);
        assertThat(supervisor.doWork(at(Duration.ofSeconds(10)))).isEqualTo(now.get() + 15_000);
        supervisor.doWork(at(Duration.ofSeconds(15)));

        assertThat(states()).containsExactly(StreamState.DISCONNECTED, StreamState.RECONNECTING, StreamState.RECONNECTING,
                StreamState.RECONNECTING, StreamState.GAVE_UP);
        assertThat(health).extracting(StreamHealthEvent::attempt).containsExactly(0, 1, 2, 3, 3);
        assertThat(supervisor.doWork(at(Duration.ofHours(1)))).isEqualTo(WorkLoop.NOTHING_DUE);
        assertThat(stream.connects).isEqualTo(4);
    }

    @Test
    void theVenuesRetryAfterStretchesTheNextDelay() {
        stream.failures = 1;
        stream.failure = new ExchangeException(ExchangeErrorKind.RATE_LIMITED, "-1003", "Too many requests", 60_000);
        supervisor.lost("dropped", false);
        supervisor.doWork(now.get());

        assertThat(supervisor.doWork(at(Duration.ofSeconds(5)))).isEqualTo(now.get() + 60_000);
        supervisor.doWork(at(Duration.ofSeconds(59)));
        assertThat(supervisor.connected()).isFalse();
        supervisor.doWork(at(Duration.ofSeconds(1)));
        assertThat(health.getLast().state()).isEqualTo(StreamState.CONNECTED);
        assertThat(health.getLast().attempt()).isEqualTo(2);
    }

    @Test
    void anImmediateLossIsRetriedInTheSamePass() {
        supervisor.lost("the listen key expired", true);
        supervisor.doWork(now.get());

        assertThat(states()).containsExactly(StreamState.DISCONNECTED, StreamState.RECONNECTING, StreamState.CONNECTED);
    }

    @Test
    void streamsAreReplacedAtTheirMaximumAgeWithoutAnOutage() {
        assertThat(supervisor.doWork(now.get())).isEqualTo(now.get() + MAX_AGE.toMillis());
        supervisor.doWork(at(MAX_AGE.minusMillis(1)));
        assertThat(stream.connects).isEqualTo(1);

        supervisor.doWork(at(Duration.ofMillis(1)));
        supervisor.doWork(at(MAX_AGE));

        assertThat(stream.connects).isEqualTo(3);
        assertThat(health).isEmpty();
    }

    @Test
    void aReplacementThatFailsIsALostStream() {
        stream.failures = 1;
        supervisor.doWork(at(MAX_AGE));

        assertThat(states()).containsExactly(StreamState.DISCONNECTED);
        supervisor.doWork(at(Duration.ofSeconds(5)));
        assertThat(health.getLast().state()).isEqualTo(StreamState.CONNECTED);
    }

    @Test
    void aStreamThatConnectsLateDuringRecoveryOpensWithTheNextAttempt() throws Exception {
        FakeStream route = new FakeStream("public stream");
        supervisor.open(route); // a route opens with nothing subscribed yet
        supervisor.lost("dropped", false);
        supervisor.doWork(now.get());

        supervisor.connectLate(route); // its first subscription, while the streams recover
        assertThat(route.connects).isEqualTo(1);
        supervisor.doWork(at(Duration.ofSeconds(5)));

        assertThat(route.connects).isEqualTo(2);
        assertThat(supervisor.connected()).isTrue();
    }

    @Test
    void afterCloseNothingRuns() {
        supervisor.close();
        supervisor.lost("dropped", false);

        assertThat(supervisor.doWork(at(Duration.ofDays(1)))).isEqualTo(WorkLoop.NOTHING_DUE);
        assertThat(health).isEmpty();
    }
}
