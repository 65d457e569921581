package io.gridbot.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.level.LevelState;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.machine.GridView;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Intent;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.Side;
import io.gridbot.core.spacing.GridLadder;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
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

    @Override
    public void delivered(ScenarioRun run, GridEvent event, List<GridCommand> out) {
        for (GridCommand command : out) {
            switch (command) {
                case GridCommand.PlaceOrder place -> checkPlace(run, place);
                case GridCommand.RecordLog log -> assertThat(log.entry().detail())
                        .as("the core never fails internally").doesNotStartWith("unexpected error in the grid core");
                case GridCommand.StatusChanged s -> closed |= s.to() == GridStatus.STOPPED
                        && (s.from() == GridStatus.STOPPING || s.from() == GridStatus.STOP_LOSS);
                default -> {
                }
            }
        }
    }

    @Override
    public void settled(ScenarioRun run) {
        checkWorstCase(run);
        if (closed && run.view().status() == GridStatus.STOPPED) {
            assertThat(run.venue().openOrders()).as(() -> "no order rests after a stop" + trace(run)).isEmpty();
            assertThat(run.venue().position()).as(() -> "the stop flattened the position" + trace(run))
                    .isEqualByComparingTo("0");
        }
        closed = false;
    }

    private static void checkPlace(ScenarioRun run, GridCommand.PlaceOrder place) {
        GridConfig config = run.config();
        OrderRequest r = place.request();
        assertThat(r.clientOrderId()).hasSizeLessThanOrEqualTo(36).matches("[.A-Z:/a-z0-9_-]+");
        if (r.quantity() != null) {
            assertThat(r.quantity().signum()).isPositive();
            assertThat(config.rules().onStep(r.quantity())).as("quantity on the step").isTrue();
        }
        if (r.type() != OrderType.LIMIT) {
            assertThat(place.purpose()).isNotInstanceOf(GridCommand.Purpose.Line.class);
            assertThat(r.type() == OrderType.STOP_MARKET ? r.closePosition() : r.reduceOnly()).isTrue();
            return;
        }
        assertThat(place.purpose()).isInstanceOf(GridCommand.Purpose.Line.class);
        GridCommand.Purpose.Line on = (GridCommand.Purpose.Line) place.purpose();
        GridLadder ladder = run.view().ladder();
        assertThat(ladder.lineAt(r.price())).as("price is a grid line").isNotNegative();
        assertThat(config.rules().onTick(r.price())).isTrue();
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
            assertThat(r.reduceOnly()).as("exits are reduce-only").isTrue();
            int expected = r.side() == Side.BUY ? on.line() - 1 : on.line() + 1;
            assertThat(ladder.lineAt(r.price())).as("exit one line back toward the entry's profit").isEqualTo(expected);
        }
    }

    private static void checkWorstCase(ScenarioRun run) {
        PaperVenue venue = run.venue();
        BigDecimal shortWorst = venue.position().negate().max(BigDecimal.ZERO);
        BigDecimal longWorst = venue.position().max(BigDecimal.ZERO);
        Set<String> identities = new HashSet<>();
        for (PaperVenue.Resting r : venue.openOrders()) {
            OrderRequest q = r.request;
            var id = ClientOrderId.parse(q.clientOrderId()).orElseThrow();
            if (q.type() == OrderType.LIMIT) {
                assertThat(identities.add(id.kind() + "/" + q.side() + "/" + q.price() + "/" + id.line()))
                        .as(() -> "no two live orders share an identity" + trace(run)).isTrue();
                if (!q.reduceOnly()) {
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

    /** What the grid did lately and what rests now: the context a failed property needs. */
    public static String trace(ScenarioRun run) {
        PaperVenue venue = run.venue();
        StringBuilder b = new StringBuilder("\n--- venue position ").append(venue.position()).append(", resting:\n");
        venue.openOrders().forEach(r -> b.append("  ").append(r.request.clientOrderId()).append(' ')
                .append(r.request.side()).append(' ').append(r.request.quantity() == null ? "all" : r.remaining())
                .append(" @ ").append(r.request.price()).append(r.request.reduceOnly() ? " RO" : "").append('\n'));
        GridView view = run.view();
        b.append("--- machine ").append(view.status()).append(" position ").append(view.position())
                .append(" venue says ").append(view.venuePosition()).append("\n");
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
