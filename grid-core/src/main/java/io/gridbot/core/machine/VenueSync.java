package io.gridbot.core.machine;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.command.GridCommand.AlertKind;
import io.gridbot.core.event.GridEvent.ExchangeSnapshot;
import io.gridbot.core.event.GridEvent.OrderUpdate;
import io.gridbot.core.event.GridEvent.SnapshotFailed;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.reconcile.DriftCheck;
import io.gridbot.core.risk.PositionLegs;
import io.gridbot.core.status.GridStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The venue-sync protocol: asking for snapshots, receiving them, holding one until the grid can use it,
 * keeping the order updates that overtake a snapshot to replay onto it, and the periodic drift check. A
 * snapshot is older than the stream events that overtake it; cumulative quantities make the replay book only
 * what the snapshot does not already contain.
 */
final class VenueSync {

    /** Where the protocol stands. */
    enum State {
        /** No snapshot asked for or held: the grid's picture is the venue's as far as the streams tell. */
        IN_STEP,
        /** At least one snapshot is on its way: nothing new is placed until it is in. */
        AWAITING,
        /** A snapshot failed for a passing reason: it is asked again when its retry falls due. */
        RETRYING,
        /** A snapshot arrived before the grid could use it (no ladder or no price yet): held until then. */
        HOLDING
    }

    private static final int JOURNAL_LIMIT = 10_000;

    private final Grid g;
    private final DriftCheck drift;
    private final SnapshotRetry retry = new SnapshotRetry();
    private int outstanding;
    private ExchangeSnapshot held;
    private List<OrderUpdate> journal = new ArrayList<>();
    private PositionLegs venuePosition;
    /** What other grids' ledgers hold of the account's position on the symbol, as of the last snapshot. */
    private PositionLegs others = PositionLegs.FLAT;
    /** Whether a snapshot has been answered since the grid last started: before one, it trades on nothing. */
    private boolean seenSinceStart;

    VenueSync(Grid g, VenueCheck venueCheck) {
        this.g = g;
        this.drift = new DriftCheck(venueCheck == VenueCheck.PERIODIC);
    }

    State state() {
        return outstanding > 0 ? State.AWAITING : retry.waiting() ? State.RETRYING
                : held != null ? State.HOLDING : State.IN_STEP;
    }

    /** True while a snapshot is on its way or held: nothing new is placed until the venue's truth is in. */
    boolean resyncing() {
        return switch (state()) {
            case IN_STEP -> false;
            case AWAITING, RETRYING, HOLDING -> true;
        };
    }

    boolean awaiting() {
        return state() == State.AWAITING;
    }

    /** The venue's position as last reported, per leg in hedge mode, or {@code null} before any report. */
    PositionLegs position() {
        return venuePosition;
    }

    /** What other grids' ledgers hold of it, as of the last snapshot. */
    PositionLegs others() {
        return others;
    }

    DriftCheck drift() {
        return drift;
    }

    /** The grid starts: what it saw of the venue before belongs to an earlier run. */
    void started() {
        seenSinceStart = false;
        retry.reset();
    }

    /** Whether the venue has answered a snapshot since the grid started. */
    boolean seenSinceStart() {
        return seenSinceStart;
    }

    /** Asks the venue for its open orders and position. */
    void requestSnapshot() {
        drift.otherSnapshot();
        outstanding++;
        g.out.add(new GridCommand.RequestSnapshot(g.config.symbol()));
    }

    /** The held snapshot, now taken; {@code null} if none was held. */
    ExchangeSnapshot takeHeld() {
        ExchangeSnapshot taken = held;
        held = null;
        return taken;
    }

    /** Keeps an update that overtakes a snapshot on its way or held. */
    void journal(OrderUpdate u) {
        if (resyncing() && journal.size() < JOURNAL_LIMIT) {
            journal.add(u);
        }
    }

    void replayJournal() {
        if (resyncing()) {
            return;
        }
        List<OrderUpdate> pending = journal;
        journal = new ArrayList<>();
        for (OrderUpdate update : pending) {
            g.orderStream.onOrderUpdate(update);
        }
        journal.clear();
    }

    /**
     * A snapshot's reads failed. One that may pass is asked again later (nothing new is placed meanwhile); any
     * other, or one failing too often in a row, is a fault.
     */
    void onSnapshotFailed(SnapshotFailed failure) {
        outstanding = Math.max(0, outstanding - 1);
        if (outstanding > 0) {
            return; // another snapshot is on its way
        }
        String what = "could not read the venue's orders and position: " + failure.kind() + " " + failure.message();
        if (SnapshotRetry.passing(failure.kind()) && retry.failed(g.nowMs(), failure.retryAfterMs())) {
            g.out.warn(what + "; asking again in " + (retry.dueAtMs() - g.nowMs()) + " ms");
            return;
        }
        onFault();
        g.lifecycle.fail("fault while serving the grid: " + what, null);
    }

    /** Asks again for a snapshot whose retry fell due. */
    void retryDue() {
        if (retry.takeDue(g.nowMs())) {
            requestSnapshot();
        }
    }

    void onSnapshot(ExchangeSnapshot snapshot) {
        if (outstanding == 0) {
            g.out.info("snapshot ignored: none was asked for (a repeat or a stale answer)");
            return;
        }
        outstanding--;
        retry.reset();
        seenSinceStart = true;
        venuePosition = snapshot.position();
        others = snapshot.otherGrids();
        if (!checkDrift(snapshot)) {
            apply(snapshot);
        }
        replayJournal();
    }

    private void apply(ExchangeSnapshot snapshot) {
        if (g.flattening.active()) {
            g.flattening.settleWith(snapshot);
            return;
        }
        if (!g.status().isActive()) {
            return;
        }
        if (g.lines.ladder() == null || (g.lifecycle.is(GridStatus.INITIALIZING) && g.market.lastPrice() == null)) {
            // Percentage lines wait for the first price, and so does adopting positions near it.
            held = snapshot;
            g.lifecycle.finishInitialisation();
            return;
        }
        g.adoption.reconcile(snapshot);
        if (g.lifecycle.is(GridStatus.INITIALIZING)) {
            g.lifecycle.finishInitialisation();
        } else if (g.lifecycle.is(GridStatus.RUNNING)) {
            g.sync.sync();
        }
    }

    /** The periodic comparison with the venue ({@link DriftCheck}); true when the snapshot needs no reconciling. */
    private boolean checkDrift(ExchangeSnapshot snapshot) {
        if (g.flattening.active() || (!g.lifecycle.is(GridStatus.RUNNING) && !g.lifecycle.is(GridStatus.PAUSED))
                || g.lines.ladder() == null || resyncing() || !journal.isEmpty()) {
            return false; // updates overtook the snapshot, or it is not a running grid's: reconcile as always
        }
        DriftCheck.Belief belief = new DriftCheck.Belief(g.book.legs());
        g.orders.forEach((id, order) -> belief.track(id, order.is(TrackedOrder.Phase.WORKING), order.filled));
        g.stop.forEachOrder(stop -> belief.track(stop.clientOrderId, stop.is(TrackedOrder.Phase.WORKING),
                BigDecimal.ZERO));
        DriftCheck.Finding finding = drift.check(g.owner, belief, snapshot.openOrders(), snapshot.own(),
                g.nowMs(), g.streams.up());
        finding.notes().forEach(g.out::warn);
        if (finding.streamSilent()) {
            g.out.add(new GridCommand.Alert(AlertKind.STREAM_SILENT, g.config.name() + ": the venue's order stream is silent"));
        }
        return finding.nothingToResolve();
    }

    /** A failed snapshot arrives as a fault: the grid must not wait for it forever. */
    void onFault() {
        outstanding = 0;
        drift.doubt(g.nowMs());
    }

    /** The venue's order stream spoke of a fill or an end: it is not silent. */
    void heard() {
        drift.heard(g.nowMs());
    }

    void driftStarted() {
        drift.start(g.nowMs());
    }

    /** The periodic drift check falls due on the timer. */
    void onTimer() {
        boolean trading = g.lifecycle.is(GridStatus.RUNNING) || g.lifecycle.is(GridStatus.PAUSED);
        if (trading && drift.due(g.nowMs()) && !resyncing()) {
            requestSnapshot();
            drift.asked(g.nowMs(), outstanding == 1);
        }
    }

    void onVenuePosition(PositionSide leg, BigDecimal qty) {
        PositionLegs next = (venuePosition == null ? PositionLegs.FLAT : venuePosition).with(leg, qty);
        if (!next.sameAs(venuePosition)) {
            g.sync.noteChange();
        }
        venuePosition = next;
        if (g.flattening.active()) {
            g.flattening.progress();
        }
    }
}
