package io.gridbot.runner.soak;

import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.Side;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.Database;
import io.gridbot.runner.testing.OrderWire;
import io.gridbot.runner.testing.VenueTruth;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks a soak makes against the venue's truth, at its hourly checkpoints and at its end. Every break is
 * added to the run's {@link SoakViolations} under the rule it breaks.
 */
final class SoakVerdict {

    /** The rule that an exit's booked realized PnL is what its line's fills recompute to. */
    private static final String REALIZED_PNL = "realized PnL recomputed";

    private final Database db;
    private final SimulatedExchange venue;
    private final List<SoakGrid> grids;
    private final Map<String, Long> ids;
    private final SoakViolations violations;

    SoakVerdict(Database db, SimulatedExchange venue, List<SoakGrid> grids, Map<String, Long> ids,
            SoakViolations violations) {
        this.db = db;
        this.venue = venue;
        this.grids = grids;
        this.ids = ids;
        this.violations = violations;
    }

    /** Mid-run: what each ledger holds so far is what the venue did. */
    void checkpoint(long simMs) throws ExchangeException {
        for (SoakGrid g : grids) {
            VenueTruth.ledgerWithinVenue(fills(g), venue.trades(g.symbol(), 0))
                    .forEach(d -> violations.add("ledger = venue", simMs, g.name() + ": " + d));
        }
    }

    /** After the grids stopped and the ledgers settled: every rule, over the whole run. */
    void atEnd(long simMs, List<OrderRequest> accepted, List<SoakDaemon> daemons,
            Map<String, List<SoakWatch.OwnerSample>> owners) throws ExchangeException {
        for (SoakGrid g : grids) {
            List<TradeRecord> trades = venue.trades(g.symbol(), 0);
            List<Fill> fills = fills(g);
            VenueTruth.ledgerAgainstVenue(fills, trades).forEach(d -> violations.add("ledger = venue", simMs, g.name() + ": " + d));
            BigDecimal ledger = VenueTruth.position(fills);
            BigDecimal held = venue.position(g.symbol()).netQty();
            if (ledger.compareTo(held) != 0) {
                violations.add("position = venue", simMs, g.name() + ": the ledger holds " + ledger.toPlainString()
                        + ", the venue " + held.toPlainString());
            }
            VenueTruth.reusedClientIds(trades).forEach(d -> violations.add("one order per client id", simMs, g.name() + ": " + d));
            db.levels().ladder(ids.get(g.name())).ifPresent(lines -> VenueTruth.realizedPnl(trades, fills, lines)
                    .forEach(d -> violations.add(REALIZED_PNL, simMs, g.name() + ": " + d
                            + (violations.count() == 0 ? "; the grid's log of those orders and lines:"
                                    + SoakLogExcerpt.of(db, ids.get(g.name()), d) : ""))));
            positionWithinLimit(g, trades, simMs);
        }
        Set<String> seen = new HashSet<>();
        for (OrderRequest q : accepted) {
            if (!seen.add(q.clientOrderId())) {
                violations.add("one order per client id", simMs, "the venue accepted " + q.clientOrderId() + " twice");
            }
            ClientOrderId.parse(q.clientOrderId()).ifPresent(p -> {
                if (p.kind() == ClientOrderId.Kind.EXIT && !q.reduceOnly()) {
                    violations.add("exits reduce-only", simMs, q.clientOrderId() + " was placed without reduceOnly");
                }
            });
        }
        for (SoakDaemon d : daemons) {
            ordersOnlyByTheHolder(d, owners, simMs);
        }
    }

    /** The position after every execution stays within the limit, in either direction. */
    private void positionWithinLimit(SoakGrid g, List<TradeRecord> trades, long simMs) {
        BigDecimal position = BigDecimal.ZERO;
        for (TradeRecord t : trades) {
            position = t.side() == Side.BUY ? position.add(t.qty()) : position.subtract(t.qty());
            if (position.abs().compareTo(g.maxPosition()) > 0) {
                violations.add("limit", simMs, g.name() + ": trade " + t.tradeId() + " left a position of "
                        + position.toPlainString() + " (limit " + g.maxPosition().toPlainString() + ")");
            }
        }
    }

    /**
     * No create reached the venue from a daemon while another held the grid's lease: the lease owner sampled
     * just before and just after the request was the same other daemon.
     */
    private void ordersOnlyByTheHolder(SoakDaemon daemon, Map<String, List<SoakWatch.OwnerSample>> owners, long simMs) {
        Map<String, String> gridByTag = new HashMap<>();
        grids.forEach(g -> gridByTag.put(ClientOrderId.tagOf(g.name()), g.name()));
        for (OrderWire.Sent s : daemon.wire.sent()) {
            if (!s.create() || s.clientOrderId() == null) {
                continue;
            }
            var parsed = ClientOrderId.parse(s.clientOrderId());
            String grid = parsed.map(p -> gridByTag.get(p.tag())).orElse(null);
            if (grid == null) {
                continue;
            }
            List<SoakWatch.OwnerSample> samples = owners.get(grid);
            SoakWatch.OwnerSample before = null;
            SoakWatch.OwnerSample after = null;
            for (SoakWatch.OwnerSample o : samples) { // sampled in time order
                if (o.nanos() <= s.sentNanos()) {
                    before = o;
                } else {
                    after = o;
                    break;
                }
            }
            if (before != null && after != null && before.owner() != null && before.owner().equals(after.owner())
                    && !daemon.owns(before.owner())) {
                violations.add("orders only by the lease holder", simMs, daemon.name + " sent " + s.clientOrderId()
                        + " while " + before.owner() + " held " + grid);
            }
        }
    }

    private List<Fill> fills(SoakGrid g) {
        return db.fills().between(ids.get(g.name()), 0, Long.MAX_VALUE);
    }
}
