package io.gridbot.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.level.LevelState;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import io.gridbot.core.machine.GridView;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Intent;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.risk.PositionLegs;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.status.GridStatus;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The core's invariants as a {@link ScenarioRun.Observer}: every order command is well formed (prices on
 * grid lines and the tick, quantities on the step, exits reduce-only one line back, entries on the mode's
 * side); the worst-case position on the venue never exceeds the limit; no two live orders share an
 * identity; the core never fails internally; once a stop or stop-loss completes, nothing rests and the
 * venue is flat.
 */
public final class GridInvariants implements ScenarioRun.Observer {

    private boolean closed;
    private boolean everClosed;
    private final Set<String> cancelRefused = new HashSet<>();
    /** The incarnation in which each refused cancel was last refused. */
    private final Map<String, Integer> refusedIn = new HashMap<>();
    private boolean orphanLeftResting;
    private int incarnation;
    private boolean venueSeen;
    private long untrackedFillAtMs = -1;

    @Override
    public void delivered(ScenarioRun run, GridEvent event, List<GridCommand> out) {
        if (run.incarnations().size() != incarnation) {
            incarnation = run.incarnations().size();
            venueSeen = false;
        }
        if (event instanceof GridEvent.CancelRejected r && r.kind() != ExchangeErrorKind.UNKNOWN_ORDER) {
            cancelRefused.add(r.clientOrderId());
            refusedIn.put(r.clientOrderId(), incarnation);
        }
        // An untracked fill of the grid is outside its books until the snapshot it asks for (or a later one)
        // is answered: the worst case is the grid's to keep again from then on.
        if (event instanceof GridEvent.OrderUpdate u && u.cumFilledQty() != null && u.cumFilledQty().signum() > 0
                && out.stream().anyMatch(c -> c instanceof GridCommand.RecordLog l
                        && l.entry().detail().startsWith("update for an order of this grid that is not tracked"))) {
            untrackedFillAtMs = untrackedFillAtMs >= 0 ? untrackedFillAtMs : u.atMs();
        }
        venueSeen |= event instanceof GridEvent.ExchangeSnapshot;
        if (event instanceof GridEvent.ExchangeSnapshot snapshot && snapshot.atMs() > untrackedFillAtMs) {
            untrackedFillAtMs = -1;
        }
        for (GridCommand command : out) {
            switch (command) {
                case GridCommand.PlaceOrder place -> checkPlace(run, place);
                case GridCommand.RecordLog log -> {
                    assertThat(log.entry().detail()).as("the core never fails internally")
                            .doesNotStartWith("unexpected error in the grid core");
                }
                case GridCommand.StatusChanged s -> {
                    closed |= s.to() == GridStatus.STOPPED
                            && (s.from() == GridStatus.STOPPING || s.from() == GridStatus.STOP_LOSS);
                    everClosed |= closed;
                    // A grid trades only on a picture of the venue taken in this process: a restored grid's
                    // orders from before the restart are still there, a fresh one's may be too.
                    assertThat(s.to() != GridStatus.RUNNING || venueSeen)
                            .as(() -> "the grid runs before a snapshot of the venue was answered" + trace(run)).isTrue();
                }
                default -> {
                }
            }
        }
    }

    @Override
    public void settled(ScenarioRun run) {
        // Known today: an order the grid no longer tracks (an orphan of reconciliation) whose cancel the
        // venue refused is not cancelled again until a later reconciliation; it counts toward no limit and
        // may fill. From then on the run's worst case is not the grid's to keep.
        orphanLeftResting |= orphanLeftResting(run);
        boolean booksKnown = untrackedFillAtMs < 0;
        // One stop per leg: a second on the same leg could close the leg twice over, or a new position after it.
        assertThat(run.venue().openOrders().stream().filter(r -> r.request.type() == OrderType.STOP_MARKET
                && run.feed().ours(r.request.clientOrderId())).collect(java.util.stream.Collectors.groupingBy(
                        r -> r.request.positionSide(), java.util.stream.Collectors.counting())).values())
                .as(() -> "at most one protective stop of the grid rests per leg" + trace(run)).allMatch(n -> n <= 1);
        if (!orphanLeftResting && booksKnown) {
            checkWorstCase(run);
        }
        if (closed && run.view().status() == GridStatus.STOPPED) {
            // A cancel the venue refused is sent again, backing off (see finished): meanwhile the order rests.
            assertThat(run.venue().openOrders()).filteredOn(r -> run.feed().ours(r.request.clientOrderId())
                    && !cancelRefused.contains(r.request.clientOrderId()))
                    .as(() -> "no order of the grid rests after a stop" + trace(run)).isEmpty();
            if (!orphanLeftResting && booksKnown) {
                assertThat(closableShare(run)).as(() -> "the stop flattened the grid's position" + trace(run))
                        .isEqualByComparingTo("0");
            }
        }
        closed = false;
    }

    @Override
    public void finished(ScenarioRun run) {
        if (everClosed && run.view().status() == GridStatus.STOPPED) {
            // Known today: the retries live in the process; a cancel refused before a restart is not sent again
            // by the restored grid, which stays stopped and never looks at the venue.
            assertThat(run.venue().openOrders()).filteredOn(r -> run.feed().ours(r.request.clientOrderId())
                    && refusedIn.getOrDefault(r.request.clientOrderId(), incarnation) == incarnation)
                    .as(() -> "an order of the grid still rests minutes after its stop, the venue behaving" + trace(run))
                    .isEmpty();
        }
    }

    /**
     * The part of the grid's share of the venue's position that a reduce-only order could close: all of it,
     * unless other grids hold the other way and the account's net is smaller (one-way netting across grids;
     * then the rest is not the grid's to close without turning another grid's position).
     */
    public static BigDecimal closableShare(ScenarioRun run) {
        PositionLegs closable = run.feed().ownLegs().closableOn(run.venue().legs());
        return closable.both().abs().add(closable.longLeg().abs()).add(closable.shortLeg().abs());
    }

    private static void checkPlace(ScenarioRun run, GridCommand.PlaceOrder place) {
        checkPlace(run.config(), run.view().ladder(), place);
    }

    /**
     * What every placed order must be: an id the venues accept, a quantity on the step, a price on a line and
     * the tick; an entry on the mode's side at its own line, an exit reduce-only one line back toward profit; a
     * stop or a close never a line's order.
     */
    public static void checkPlace(GridConfig config, GridLadder ladder, GridCommand.PlaceOrder place) {
        OrderRequest r = place.request();
        assertThat(r.clientOrderId()).hasSizeLessThanOrEqualTo(36).matches("[.A-Z:/a-z0-9_-]+");
        if (r.quantity() != null) {
            assertThat(r.quantity().signum()).isPositive();
            assertThat(config.rules().onStep(r.quantity())).as("quantity on the step").isTrue();
        }
        if (r.type() != OrderType.LIMIT) {
            assertThat(place.purpose()).isNotInstanceOf(GridCommand.Purpose.Line.class);
            // A close names its leg in hedge mode, where the venue refuses reduce-only.
            assertThat(r.type() == OrderType.STOP_MARKET ? r.closePosition()
                    : r.reduceOnly() == (r.positionSide() == PositionSide.BOTH)).isTrue();
            assertThat(r.positionSide() == PositionSide.BOTH).isEqualTo(config.positionMode() == PositionMode.ONE_WAY);
            if (r.type() == OrderType.STOP_MARKET && config.positionMode() == PositionMode.HEDGE) {
                assertThat(r.positionSide()).as("a hedge-mode stop closes the leg its side reduces")
                        .isEqualTo(r.side() == Side.SELL ? PositionSide.LONG : PositionSide.SHORT);
            }
            return;
        }
        assertThat(place.purpose()).isInstanceOf(GridCommand.Purpose.Line.class);
        GridCommand.Purpose.Line on = (GridCommand.Purpose.Line) place.purpose();
        assertThat(ladder.lineAt(r.price())).as("price is a grid line").isNotNegative();
        assertThat(config.rules().onTick(r.price())).isTrue();
        Side entrySide = on.intent() == Intent.ENTRY ? r.side() : r.side().opposite();
        assertThat(r.positionSide()).as("an order is on its line's leg").isEqualTo(config.positionMode().leg(entrySide));
        if (on.intent() == Intent.ENTRY) {
            assertThat(r.reduceOnly()).as("entries are not reduce-only").isFalse();
            assertThat(ladder.lineAt(r.price())).isEqualTo(on.line());
            switch (config.mode()) {
                case SHORT -> assertThat(r.side()).isEqualTo(Side.SELL);
                case LONG -> assertThat(r.side()).isEqualTo(Side.BUY);
                case NEUTRAL -> {
                }
            }
        } else {
            assertThat(r.reduceOnly()).as("exits are reduce-only in one-way mode, never in hedge mode")
                    .isEqualTo(config.positionMode().exitsReduceOnly());
            int expected = r.side() == Side.BUY ? on.line() - 1 : on.line() + 1;
            assertThat(ladder.lineAt(r.price())).as("exit one line back toward the entry's profit").isEqualTo(expected);
        }
    }

    /**
     * Whether an order the grid no longer tracked kept resting after the venue refused its cancel (a known
     * gap today): it may fill at any time, even after the grid stopped, so the limit and flatness checks
     * stop applying to the run.
     */
    public boolean orphanLeftResting() {
        return orphanLeftResting;
    }

    /**
     * Whether the venue refused a cancel of one of the grid's orders: that order stayed live, and may have
     * filled and closed what a later exit of the same leg was placed for.
     */
    public boolean aCancelWasRefused() {
        return !cancelRefused.isEmpty();
    }

    private boolean orphanLeftResting(ScenarioRun run) {
        Set<String> tracked = new HashSet<>();
        run.view().levels().forEach(l -> {
            if (l.state() == LevelState.ENTRY_WORKING) {
                tracked.add(l.entryClientId()); // otherwise the id is only the level's last entry's
            }
            tracked.add(l.exitClientId());
        });
        return run.venue().openOrders().stream().map(r -> r.request)
                .anyMatch(q -> q.type() == OrderType.LIMIT && run.feed().ours(q.clientOrderId())
                        && cancelRefused.contains(q.clientOrderId()) && !tracked.contains(q.clientOrderId()));
    }

    private static void checkWorstCase(ScenarioRun run) {
        PaperVenue venue = run.venue();
        PositionLegs own = run.feed().ownLegs();
        BigDecimal shortWorst = own.toward(Side.SELL).max(BigDecimal.ZERO);
        BigDecimal longWorst = own.toward(Side.BUY).max(BigDecimal.ZERO);
        Set<String> identities = new HashSet<>();
        for (PaperVenue.Resting r : venue.openOrders()) {
            OrderRequest q = r.request;
            if (!run.feed().ours(q.clientOrderId())) {
                continue; // another grid's or a person's
            }
            var id = ClientOrderId.parse(q.clientOrderId()).orElseThrow();
            if (q.type() == OrderType.LIMIT) {
                assertThat(identities.add(id.kind() + "/" + q.side() + "/" + q.price() + "/" + id.line()))
                        .as(() -> "no two live orders share an identity" + trace(run)).isTrue();
                if (opens(q)) {
                    if (q.side() == Side.SELL) {
                        shortWorst = shortWorst.add(r.remaining());
                    } else {
                        longWorst = longWorst.add(r.remaining());
                    }
                }
            }
        }
        BigDecimal limit = run.config().maxPosition();
        assertThat(shortWorst).as(() -> "worst-case short position" + trace(run)).isLessThanOrEqualTo(limit);
        assertThat(longWorst).as(() -> "worst-case long position" + trace(run)).isLessThanOrEqualTo(limit);
    }

    /** Whether the order adds to a position: not reduce-only in one-way mode; on its leg's entry side in hedge mode. */
    private static boolean opens(OrderRequest q) {
        return switch (q.positionSide()) {
            case BOTH -> !q.reduceOnly();
            case LONG -> q.side() == Side.BUY;
            case SHORT -> q.side() == Side.SELL;
        };
    }

    /** What the grid did lately and what rests now: the context a failed property needs. */
    public static String trace(ScenarioRun run) {
        PaperVenue venue = run.venue();
        StringBuilder b = new StringBuilder("\n--- venue position ").append(venue.position()).append(" (other grids ")
                .append(run.feed().othersNet()).append("), resting:\n");
        venue.openOrders().forEach(r -> b.append("  ").append(r.request.clientOrderId()).append(' ')
                .append(r.request.side()).append(' ').append(r.request.quantity() == null ? "all" : r.remaining())
                .append(" @ ").append(r.request.price()).append(r.request.reduceOnly() ? " RO" : "").append('\n'));
        GridView view = run.view();
        b.append("--- machine ").append(view.status()).append(" position ").append(view.position())
                .append(" venue says ").append(view.venuePosition()).append(" legs ").append(view.legs().describe())
                .append("\n");
        view.levels().stream().filter(l -> l.state() != LevelState.IDLE)
                .forEach(l -> b.append("  line ").append(l.line()).append(' ').append(l.state()).append(' ')
                        .append(l.entrySide()).append(" filled ").append(l.entryFilledQty()).append(" closed ")
                        .append(l.exitFilledQty()).append('\n'));
        List<LogEntry> log = view.recentLog();
        b.append("--- last log entries:\n");
        log.subList(Math.max(0, log.size() - 40), log.size()).forEach(e -> b.append("  ").append(e.type())
                .append(e.type() == LogType.ERROR ? "!" : "").append(' ').append(e.detail()).append(' ')
                .append(e.clientOrderId()).append('\n'));
        return b.toString();
    }
}
