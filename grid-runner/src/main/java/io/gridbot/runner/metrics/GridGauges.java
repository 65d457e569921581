package io.gridbot.runner.metrics;

import io.gridbot.core.level.LevelState;
import io.gridbot.core.machine.GridView;
import io.gridbot.core.status.GridStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One hosted grid's gauges, tagged with its name, exchange and symbol, and the figures they show: set from
 * the grid's picture (and its ledger's PnL) just before each scrape, so one scrape shows one moment. Removed
 * when the grid is no longer hosted, so a grid given up does not linger with its last values. Amounts become
 * doubles here only to be shown; nothing decides on them.
 */
final class GridGauges {

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    private volatile double position;
    private volatile double realized;
    private volatile double unrealized;
    private volatile double fees;
    private volatile double entries;
    private volatile double exits;
    private volatile double otherOrders;
    private volatile double streamUp;
    private volatile double lastFillAge;
    private volatile double missing;
    private volatile double surplus;
    private volatile double fenced;
    private volatile GridStatus status = GridStatus.STOPPED;

    GridGauges(MeterRegistry registry, Tags tags) {
        this.registry = registry;
        gauge(MeterNames.POSITION, "The grid's signed net position, in the base asset", tags, g -> g.position);
        gauge(MeterNames.REALIZED_PNL, "Realized PnL before fees, in the quote asset", tags, g -> g.realized);
        gauge(MeterNames.UNREALIZED_PNL, "The open position at the last price, in the quote asset", tags,
                g -> g.unrealized);
        gauge(MeterNames.FEES, "Fees paid, in the quote asset", tags, g -> g.fees);
        String orders = "The grid's working orders";
        gauge(MeterNames.OPEN_ORDERS, orders, tags.and("kind", "entry"), g -> g.entries);
        gauge(MeterNames.OPEN_ORDERS, orders, tags.and("kind", "exit"), g -> g.exits);
        gauge(MeterNames.OPEN_ORDERS, orders, tags.and("kind", "other"), g -> g.otherOrders);
        gauge(MeterNames.STREAM_UP, "1 while the venue's streams are connected and delivering", tags, g -> g.streamUp);
        meters.add(Gauge.builder(MeterNames.LAST_FILL_AGE, this, g -> g.lastFillAge).tags(tags).baseUnit("seconds")
                .description("Time since the grid's last fill (since it was hosted, without one)").register(registry));
        String drift = "Ideal orders not resting (missing) and resting orders not ideal (surplus)";
        gauge(MeterNames.ORDER_DRIFT, drift, tags.and("kind", "missing"), g -> g.missing);
        gauge(MeterNames.ORDER_DRIFT, drift, tags.and("kind", "surplus"), g -> g.surplus);
        gauge(MeterNames.FENCED, "1 while the grid's lease is too old for it to send orders", tags, g -> g.fenced);
        for (GridStatus s : GridStatus.values()) {
            gauge(MeterNames.STATUS, "1 for the grid's lifecycle status", tags.and("status", s.name()),
                    g -> g.status == s ? 1 : 0);
        }
    }

    private void gauge(String name, String description, Tags tags, ToDoubleFunction<GridGauges> value) {
        meters.add(Gauge.builder(name, this, value).tags(tags).description(description).register(registry));
    }

    /** The grid at one moment: its picture, its ledger's figures, its stream, at {@code nowMs}. */
    void show(HostedGridState grid, LedgerFigures.Figures ledger, boolean streamConnected, long nowMs) {
        GridView view = grid.view();
        position = number(view.position());
        realized = number(ledger.realized());
        unrealized = number(ledger.unrealized());
        fees = number(ledger.fees());
        long entryCount = view.levels().stream().filter(l -> l.state() == LevelState.ENTRY_WORKING).count();
        long exitCount = view.levels().stream().filter(l -> l.state() == LevelState.EXIT_WORKING).count();
        entries = entryCount;
        exits = exitCount;
        otherOrders = Math.max(0, view.openOrders() - entryCount - exitCount);
        streamUp = streamConnected ? 1 : 0;
        long since = ledger.lastFillAtMs() >= 0 ? ledger.lastFillAtMs() : grid.hostedAtMs();
        lastFillAge = Math.max(0, nowMs - since) / 1000.0;
        missing = grid.drift().missing();
        surplus = grid.drift().surplus();
        fenced = grid.lease().mayTrade() ? 0 : 1;
        status = view.status();
    }

    private static double number(BigDecimal amount) {
        return amount == null ? 0 : amount.doubleValue();
    }

    /** Takes the grid's gauges off the registry. */
    void remove() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}
