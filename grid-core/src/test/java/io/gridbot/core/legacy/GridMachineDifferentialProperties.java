package io.gridbot.core.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.legacy.machine.GridMachine;
import io.gridbot.core.level.Level;
import io.gridbot.core.machine.GridView;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.testing.Core;
import io.gridbot.core.testing.GridDriver;
import io.gridbot.core.testing.SameOutput;
import io.gridbot.core.testing.Scenario;
import io.gridbot.core.testing.ScenarioRun;
import io.gridbot.core.testing.Scenarios;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The safety net of issue 12: today's decision core, frozen in {@code io.gridbot.core.legacy}, and the
 * current {@link io.gridbot.core.machine.GridMachine} driven in lockstep through generated scenarios. Both
 * are made from the same configuration (and, at a restart, restored from the same persisted ladder and
 * levels) and see the same events; the venue's answers come from one paper venue that executes the
 * current machine's commands, and the legacy machine must say exactly the same. After every event the two
 * command lists must be equal, log text included, and so must the two views ({@link SameOutput} says what
 * "equal" means: {@code equals} on every record, a stack trace's first line only).
 *
 * <p>The scenarios ({@link Scenarios}) cover all three modes, arithmetic, geometric and percentage lines,
 * protective stops, post-only orders and short partial-fill timeouts, and steps of every kind: price moves
 * with partial fills, duplicated and reordered deliveries, gaps past the stop-loss lines, rejections of
 * every {@code ExchangeErrorKind}, timeouts, refused cancels, venue-side cancels, lost and late stream
 * events, disagreeing position updates, recovered executions, other grids' and people's orders, stream
 * health, pause / resume / stop / start, shell faults, restarts (with lost writes or a stale ladder) and
 * crashes mid-step. A second test replays the event streams of the example-based scenario tests.
 *
 * <p>Run it alone: {@code ./mvnw -o -q -pl grid-core test -Dtest=GridMachineDifferentialProperties}. The
 * property takes jqwik's default number of tries, 1000 scenarios (5 to 15 s here); for a longer run pass
 * {@code -Djqwik.tries.default=5000} (a JUnit Platform configuration parameter, read from the system
 * properties; with {@code -Dtest=} it affects this class only). After the run it prints how many
 * scenarios, grids, events and commands were compared. A failure names the step, the event and both
 * command lists (or the view components that differ), and jqwik shrinks the scenario to the fewest steps
 * that still differ; its seed reproduces it with {@code @Property(seed = "...")}.
 *
 * <p>If the split changes how a machine is made, adapt {@link Core#CURRENT} (one place); if it changes the
 * commands' types on purpose, map the legacy commands before comparing in {@link Lockstep#on}. If it moves
 * a shared value type ({@code GridStatus}, {@code GridView}, {@code StopLossReport}, ...), only the legacy
 * copy's imports change. Delete this package when the split is done.
 */
class GridMachineDifferentialProperties {

    private static final AtomicLong SCENARIOS = new AtomicLong();
    private static final AtomicLong EVENTS = new AtomicLong();
    private static final AtomicLong COMMANDS = new AtomicLong();
    private static final AtomicLong EXAMPLE_GRIDS = new AtomicLong();

    /** Both machines, made the same way; every call compares them. */
    static final Core.Factory LOCKSTEP = new Core.Factory() {
        @Override
        public Core create(GridConfig config) {
            return new Lockstep(Core.CURRENT.create(config), legacy(GridMachine.create(config)));
        }

        @Override
        public Core restore(GridConfig config, GridLadder ladder, List<Level> levels) {
            return new Lockstep(Core.CURRENT.restore(config, ladder, levels),
                    legacy(GridMachine.restore(config, ladder, levels)));
        }
    };

    private static final Map<String, AtomicLong> STEPS = new java.util.concurrent.ConcurrentSkipListMap<>();

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Scenarios.any(60);
    }

    @Provide
    Arbitrary<Scenario> longScenarios() {
        return Scenarios.any(150, 400);
    }

    /** As many scenarios as {@code jqwik.tries.default} says: 1000 unless overridden. */
    @Property
    void theCurrentMachineSaysWhatTheLegacyMachineSaysForEveryEvent(@ForAll("scenarios") Scenario scenario) {
        ScenarioRun run = play(scenario);
        Statistics.label("mode").collect(scenario.shape().mode());
        Statistics.label("restarts").collect(run.incarnations().size() > 1);
        Statistics.label("final status").collect(run.view().status());
    }

    /** Fewer, longer runs: deep states, many restarts, long histories. */
    @Property(tries = 60)
    void theMachinesAgreeThroughLongRuns(@ForAll("longScenarios") Scenario scenario) {
        play(scenario);
    }

    private static ScenarioRun play(Scenario scenario) {
        ScenarioRun run = new ScenarioRun(scenario, LOCKSTEP).play();
        SCENARIOS.incrementAndGet();
        scenario.steps().forEach(s -> STEPS.computeIfAbsent(s.getClass().getSimpleName(), k -> new AtomicLong())
                .incrementAndGet());
        return run;
    }

    /** The example-based scenario tests whose event streams are replayed through both machines. */
    private static final List<String> SCENARIO_TESTS = List.of("ShortGridTest", "NeutralGridTest", "LongGridTest",
            "StopLossTest", "LifecycleTest", "MoreLifecycleTest", "EdgeCaseTest", "SyncTest", "RestartSafetyTest",
            "RestartReconciliationTest");

    /**
     * The existing example-based scenario tests, run as they are, with every grid they start through
     * {@link GridDriver#started} recorded; each grid's delivered events are then replayed into a fresh
     * current and a fresh legacy machine in lockstep, which must say the same for every event. Restored machines in those tests are covered by the generated restarts above.
     */
    @Example
    void theExistingScenarioTestsEventStreamsGiveTheSameCommands() throws ReflectiveOperationException {
        int grids = 0;
        for (String name : SCENARIO_TESTS) {
            Class<?> type = Class.forName("io.gridbot.core.machine." + name);
            for (Method test : type.getDeclaredMethods()) {
                if (!test.isAnnotationPresent(Test.class)) {
                    continue;
                }
                Map<GridDriver, GridConfig> started = GridDriver.recordingStarted(() -> run(type, test));
                for (Map.Entry<GridDriver, GridConfig> e : started.entrySet()) {
                    replay(name + "." + test.getName(), e.getValue(), e.getKey());
                    grids++;
                }
            }
        }
        assertThat(grids).as("grids replayed").isGreaterThan(50);
        EXAMPLE_GRIDS.set(grids);
    }

    private static void run(Class<?> type, Method test) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            test.setAccessible(true);
            test.invoke(constructor.newInstance());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("could not run " + type.getSimpleName() + "." + test.getName(), e);
        }
    }

    private static void replay(String where, GridConfig config, GridDriver recorded) {
        Core both = LOCKSTEP.create(config);
        for (int i = 0; i < recorded.delivered.size(); i++) {
            GridEvent event = recorded.delivered.get(i);
            try {
                both.on(event);
            } catch (AssertionError failure) {
                throw new AssertionError(where + ", event " + i + " " + event + ":\n" + failure.getMessage(), failure);
            }
        }
    }

    /** How much was compared: the number the closing note asks for. */
    @AfterContainer
    static void report() {
        System.out.println("GridMachineDifferentialProperties: " + SCENARIOS.get() + " scenarios passed (shrinking "
                + "runs included) and " + EXAMPLE_GRIDS.get() + " grids of the example-based scenario tests; "
                + EVENTS.get() + " events and " + COMMANDS.get() + " commands compared, legacy against current; "
                + "steps played: " + STEPS);
    }

    private static Core legacy(GridMachine machine) {
        return new Core() {
            @Override
            public List<GridCommand> on(GridEvent event) {
                return machine.on(event);
            }

            @Override
            public GridView view() {
                return machine.view();
            }
        };
    }

    /** The current machine, shadowed by the legacy one; returns the current machine's commands. */
    static final class Lockstep implements Core {
        private final Core current;
        private final Core legacy;

        Lockstep(Core current, Core legacy) {
            this.current = current;
            this.legacy = legacy;
            requireSameView("after it was made");
        }

        @Override
        public List<GridCommand> on(GridEvent event) {
            List<GridCommand> now = current.on(event);
            List<GridCommand> before = legacy.on(event);
            EVENTS.incrementAndGet();
            COMMANDS.addAndGet(before.size());
            String difference = SameOutput.commandDifference("legacy", before, "current", now);
            if (difference != null) {
                throw new AssertionError("the current machine's commands differ from the legacy machine's: "
                        + difference);
            }
            requireSameView("after the event");
            return now;
        }

        private void requireSameView(String when) {
            String difference = SameOutput.viewDifference("legacy", legacy.view(), "current", current.view());
            if (difference != null) {
                throw new AssertionError("the current machine's view differs from the legacy machine's " + when
                        + ":\n" + difference);
            }
        }

        @Override
        public GridView view() {
            return current.view();
        }
    }
}
