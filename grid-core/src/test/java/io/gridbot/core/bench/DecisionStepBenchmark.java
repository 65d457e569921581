package io.gridbot.core.bench;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.machine.GridMachine;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.testing.GridDriver;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One decision step of a 200-line grid: one event in, commands out. The events are a recorded session of
 * the machine against a paper venue (a random walk that crosses lines all the time, with fills, exits,
 * acknowledgements and timer ticks), replayed into a fresh machine: the core is deterministic, so the
 * replay repeats the session exactly and only the core is measured.
 *
 * <p>Run: {@code ./mvnw -q -pl grid-core test-compile exec:exec@jmh} (see docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DecisionStepBenchmark {

    @Param({"NEUTRAL", "SHORT"})
    public GridMode mode;

    private List<GridEvent> session;
    private GridConfig config;
    private GridMachine machine;
    private int next;
    private int quietNext;
    private BigDecimal[] quietPrices;

    @Setup
    public void record() {
        SymbolRules rules = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
                new BigDecimal("0.001"), BigDecimal.ZERO, 200);
        config = GridConfig.builder("bench", rules).mode(mode)
                .band(new BigDecimal("60000"), new BigDecimal("79900")).levels(200)
                .orderQty(new BigDecimal("0.010")).maxPosition(new BigDecimal("2.000"))
                .stopLossBufferPct(new BigDecimal("50")).build();
        GridDriver driver = GridDriver.started(config, new BigDecimal("70005"));
        SplittableRandom random = new SplittableRandom(42);
        long ticks = 700_050;
        for (int i = 0; i < 40_000; i++) {
            ticks = Math.clamp(ticks + random.nextLong(-1_500, 1_501), 650_000, 750_000);
            driver.advance(250);
            driver.price(BigDecimal.valueOf(ticks, 1));
        }
        session = List.copyOf(driver.delivered);
        quietPrices = new BigDecimal[] {new BigDecimal("70010.0"), new BigDecimal("70020.5"), new BigDecimal("70030.0")};
        restart();
    }

    private void restart() {
        machine = GridMachine.create(config);
        next = 0;
    }

    /** The recorded session, one event at a time: market ticks, fills, acknowledgements, timers. */
    @Benchmark
    public List<GridCommand> recordedSessionEvent() {
        if (next == session.size()) {
            restart();
        }
        return machine.on(session.get(next++));
    }

    /** The commonest event: a price tick that stays between the same two lines. */
    @Benchmark
    public List<GridCommand> priceTickBetweenLines() {
        if (next != session.size()) {
            // bring the machine to the end of the session once, then tick in place
            while (next < session.size()) {
                machine.on(session.get(next++));
            }
        }
        quietNext = (quietNext + 1) % quietPrices.length;
        return machine.on(new GridEvent.PriceTick(Long.MAX_VALUE / 2, quietPrices[quietNext]));
    }

    /** The share of recorded events of each kind, for the report. */
    public static void main(String[] args) {
        DecisionStepBenchmark b = new DecisionStepBenchmark();
        b.mode = GridMode.NEUTRAL;
        b.record();
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        b.session.forEach(e -> counts.merge(e.getClass().getSimpleName(), 1L, Long::sum));
        System.out.println(b.session.size() + " events: " + counts);
    }
}
