package io.gridbot.core.testing;

import io.gridbot.core.config.GridMode;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.core.fault.ExchangeErrorKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * The generators of {@link Scenario}s: lists of {@link Step}s built from jqwik combinators, so a failing
 * scenario shrinks to the few steps that matter. Error kinds come from the whole {@link ExchangeErrorKind}
 * enum; restarts, the operator's controls, stream health, shell faults, lost events and disagreeing
 * position updates are steps like any other.
 */
public final class Scenarios {

    private Scenarios() {
    }

    /** Scenarios over every mode, with up to {@code maxSteps} steps. */
    public static Arbitrary<Scenario> any(int maxSteps) {
        return any(1, maxSteps);
    }

    /**
     * Scenarios over every mode, with {@code minSteps} to {@code maxSteps} steps, every length as likely
     * (jqwik's default size distribution keeps lists short when a property has few tries).
     */
    public static Arbitrary<Scenario> any(int minSteps, int maxSteps) {
        return Combinators.combine(shapes(Arbitraries.of(GridMode.class)), options(), steps(minSteps, maxSteps))
                .as(Scenario::new)
                .filter(Scenarios::valid);
    }

    /** Scenarios of every mode on a hedge-mode account: a neutral grid's legs held apart. */
    public static Arbitrary<Scenario> hedge(int minSteps, int maxSteps) {
        return Combinators.combine(shapes(Arbitraries.of(GridMode.class)), options().map(Scenario.Options::inHedgeMode),
                        steps(minSteps, maxSteps))
                .as(Scenario::new)
                .filter(Scenarios::valid);
    }

    private static boolean valid(Scenario s) {
        try {
            return s.config().validate().isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static Arbitrary<Scenario.Shape> shapes(Arbitrary<GridMode> modes) {
        return Combinators.combine(
                modes,
                Arbitraries.integers().between(5, 30),
                Arbitraries.integers().between(3, 60),
                Arbitraries.integers().between(1, 25),
                Arbitraries.integers().between(1, 20),
                Arbitraries.integers().between(0, 59)).as(Scenario.Shape::new);
    }

    public static Arbitrary<Scenario.Options> options() {
        return Combinators.combine(
                Arbitraries.of(Scenario.SpacingKind.ARITHMETIC, Scenario.SpacingKind.ARITHMETIC,
                        Scenario.SpacingKind.ARITHMETIC, Scenario.SpacingKind.GEOMETRIC,
                        Scenario.SpacingKind.PERCENTAGE_OF_MARKET),
                Arbitraries.of(true, true, false),
                Arbitraries.of(false, false, true),
                Arbitraries.of(false, true)).as(Scenario.Options::new);
    }

    public static Arbitrary<java.util.List<Step>> steps(int minSteps, int maxSteps) {
        return step().list().ofMinSize(minSteps).ofMaxSize(maxSteps).withSizeDistribution(RandomDistribution.uniform());
    }

    /** One step, weighted so that the market moves most of the time. */
    @SuppressWarnings("unchecked")
    public static Arbitrary<Step> step() {
        return Arbitraries.frequencyOf(
                Tuple.of(40, moves()),
                Tuple.of(8, Arbitraries.oneOf(Arbitraries.longs().between(0, 5_000),
                        Arbitraries.of(30_000L, 60_000L, 600_000L)).map(Step.Wait::new)),
                Tuple.of(2, Combinators.combine(Arbitraries.longs().between(0, 2_000), Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 3)).as(Step.Gap::new)),
                Tuple.of(6, Combinators.combine(Arbitraries.of(ExchangeErrorKind.class),
                        Arbitraries.integers().between(1, 3)).as(Step.RejectCreates::new)),
                Tuple.of(3, Arbitraries.integers().between(1, 2).map(Step.TimeOutCreates::new)),
                Tuple.of(3, Arbitraries.integers().between(0, 40).map(Step.VenueCancels::new)),
                Tuple.of(2, Arbitraries.integers().between(1, 4).map(Step.LoseEvents::new)),
                Tuple.of(3, Arbitraries.integers().between(-5, 5).map(Step.WrongPosition::new)),
                Tuple.of(4, Combinators.combine(Arbitraries.of(StreamState.class), Arbitraries.integers().between(0, 5))
                        .as(Step.Stream::new)),
                Tuple.of(5, Arbitraries.of(Control.class).map(Step.Operator::new)),
                Tuple.of(1, Arbitraries.just(new Step.ShellFault())),
                // "Unknown order" for a cancel means it is gone: a venue never says so of a resting order.
                Tuple.of(2, Combinators.combine(Arbitraries.of(ExchangeErrorKind.class)
                        .filter(k -> k != ExchangeErrorKind.UNKNOWN_ORDER),
                        Arbitraries.integers().between(1, 2)).as(Step.RejectCancels::new)),
                Tuple.of(2, Arbitraries.integers().between(1, 6).map(Step.RecoverHistory::new)),
                Tuple.of(3, Arbitraries.integers().between(1, 3).map(Step.SlowSnapshot::new)),
                Tuple.of(2, Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 8)).as(Step.ForeignOrder::new)),
                Tuple.of(3, lost().map(Step.Restart::new)),
                Tuple.of(2, Combinators.combine(Arbitraries.integers().between(-8, 8),
                        Arbitraries.integers().between(0, 12), lost()).as(Step.Crash::new)));
    }

    private static Arbitrary<Step.Lost> lost() {
        return Arbitraries.of(Step.Lost.NOTHING, Step.Lost.NOTHING, Step.Lost.LEVELS, Step.Lost.LADDER_AND_LEVELS,
                Step.Lost.LADDER_STALE);
    }

    private static Arbitrary<Step> moves() {
        Arbitrary<Integer> seeds = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(1, 10_000)));
        return Combinators.combine(Arbitraries.longs().between(0, 2_000), Arbitraries.integers().between(-8, 8),
                seeds, seeds).as(Step.Move::new);
    }
}
