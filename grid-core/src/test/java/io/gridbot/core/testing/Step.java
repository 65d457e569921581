package io.gridbot.core.testing;

import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.core.fault.ExchangeErrorKind;

/**
 * One step of a generated scenario: something the market, the venue, the operator or the process does.
 * A scenario is a list of steps, so jqwik shrinks a failure by dropping and simplifying steps rather than
 * by changing a seed that rewrites the whole path. Every field shrinks toward the plainest case (0 is
 * "no perturbation", "full fills", "no delay").
 */
public sealed interface Step {

    /**
     * The market trades {@code quarters} quarter-spacings away from the last price: resting orders it
     * reaches fill, then the machine sees the price and a timer tick.
     *
     * @param dtMs     time since the previous step
     * @param partial  0 fills every reached order whole; otherwise seeds the choice of partial fills
     * @param shuffle  0 delivers the resulting events in order; otherwise seeds swaps and repeats
     */
    record Move(long dtMs, int quarters, int partial, int shuffle) implements Step {
    }

    /** The market gaps past the band's edge by {@code extraLines} lines (a stop-loss path). */
    record Gap(long dtMs, boolean up, int extraLines) implements Step {
    }

    /** Time passes with the market still: a timer tick. */
    record Wait(long dtMs) implements Step {
    }

    /** The venue rejects the next {@code count} creates with this kind. */
    record RejectCreates(ExchangeErrorKind kind, int count) implements Step {
    }

    /** The next {@code count} creates take effect but their answers time out. */
    record TimeOutCreates(int count) implements Step {
    }

    /** The venue ends the {@code which}-th resting order on its own (a cancel by hand, an expiry). */
    record VenueCancels(int which) implements Step {
    }

    /** The stream silently loses the venue's next {@code count} fill and position events. */
    record LoseEvents(int count) implements Step {
    }

    /** The venue's account stream reports a position {@code offsetSteps} quantity steps off its true one. */
    record WrongPosition(int offsetSteps) implements Step {
    }

    /** The venue streams change health. */
    record Stream(StreamState state, int attempt) implements Step {
    }

    /** The operator's control request. */
    record Operator(Control control) implements Step {
    }

    /** Something failed in the shell while serving the grid. */
    record ShellFault() implements Step {
    }

    /**
     * The venue is slow to answer: the next snapshot arrives only after {@code steps} more steps, so their
     * order updates and controls overtake it (the journal replay path, controls while resynchronising).
     */
    record SlowSnapshot(int steps) implements Step {
    }

    /** The next {@code count} cancels fail with this kind; their orders keep resting. */
    record RejectCancels(ExchangeErrorKind kind, int count) implements Step {
    }

    /** The shell reads the venue's last {@code count} executions of the grid and delivers them as recovered. */
    record RecoverHistory(int count) implements Step {
    }

    /**
     * An order the grid did not place: another grid's on the same account (it may fill; its position is
     * then other grids' ledgers' share), or a person's, far from the market (it rests and never fills).
     */
    record ForeignOrder(boolean anotherGrid, boolean buy, int quartersAway) implements Step {
    }

    /**
     * What a restart finds of what the grid persisted: writes behind may be lost, or the saved ladder may no
     * longer fit the configuration (as after an edit of the band or the count): a new one is then built.
     */
    enum Lost {
        NOTHING, LEVELS, LADDER_AND_LEVELS, LADDER_STALE
    }

    /**
     * The process restarts: a new machine is restored from the persisted ladder and levels (what survived
     * of them) and started if it was running, as the runner does.
     */
    record Restart(Lost lost) implements Step {
    }

    /**
     * The market moves as in {@link Move} and the process dies after {@code afterDeliveries} of the
     * resulting deliveries: the answers still in flight are lost, then it restarts as in {@link Restart}.
     */
    record Crash(int quarters, int afterDeliveries, Lost lost) implements Step {
    }
}
