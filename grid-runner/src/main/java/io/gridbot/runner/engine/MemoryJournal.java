package io.gridbot.runner.engine;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.stats.ledger.FundingPayment;
import io.gridbot.stats.ledger.OrderRecord;
import io.gridbot.core.stoploss.StopLossReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A journal kept in memory, for replays and the demo: fills, funding, orders, stop-loss reports and log counts. */
public final class MemoryJournal implements GridJournal {

    private final List<Fill> fills = new ArrayList<>();
    private final List<StopLossReport> stopLosses = new ArrayList<>();
    private final Map<LogType, Integer> logCounts = new EnumMap<>(LogType.class);
    private final List<LogEntry> errors = new ArrayList<>();
    private final Map<String, OrderRecord> orders = new LinkedHashMap<>();
    private final List<FundingPayment> funding = new ArrayList<>();

    @Override
    public synchronized void fill(String grid, Fill fill) {
        fills.add(fill);
    }

    @Override
    public synchronized void stopLoss(String grid, StopLossReport report) {
        stopLosses.add(report);
    }

    @Override
    public synchronized void log(String grid, LogEntry entry) {
        logCounts.merge(entry.type(), 1, Integer::sum);
        if (entry.type() == LogType.ERROR && errors.size() < 100) {
            errors.add(entry);
        }
    }

    @Override
    public synchronized void orderPlaced(String grid, GridCommand.PlaceOrder order, long atMs) {
        // The ledger's order records are the lines' orders: what fill rate and time to fill are computed from.
        if (order.purpose() instanceof GridCommand.Purpose.Line line) {
            String id = order.request().clientOrderId();
            orders.putIfAbsent(id, new OrderRecord(id, line.intent(), line.line(), order.request().quantity(), atMs,
                    BigDecimal.ZERO, null, null));
        }
    }

    @Override
    public synchronized void orderChanged(String grid, GridCommand.RecordOrderChange c) {
        OrderRecord o = orders.get(c.clientOrderId());
        if (o == null || !c.advances(o.filledAtMs() != null || o.canceledAtMs() != null, o.filledQty())) {
            return;
        }
        Long filledAt = c.status() == OrderStatus.FILLED ? Long.valueOf(c.atMs()) : null;
        Long endedAt = c.status().isFinal() && c.status() != OrderStatus.FILLED ? Long.valueOf(c.atMs()) : null;
        orders.put(o.clientOrderId(), new OrderRecord(o.clientOrderId(), o.intent(), o.line(), o.qty(), o.placedAtMs(),
                c.cumFilledQty(), filledAt, endedAt));
    }

    @Override
    public synchronized void funding(String grid, FundingPayment payment, String asset) {
        funding.add(payment);
    }

    /** The funding payments, oldest first. */
    public synchronized List<FundingPayment> funding() {
        return List.copyOf(funding);
    }

    /** The grid orders placed, with what became of them. */
    public synchronized List<OrderRecord> orders() {
        return List.copyOf(orders.values());
    }

    public synchronized List<Fill> fills() {
        return List.copyOf(fills);
    }

    public synchronized List<StopLossReport> stopLosses() {
        return List.copyOf(stopLosses);
    }

    public synchronized Map<LogType, Integer> logCounts() {
        return Map.copyOf(logCounts);
    }

    /** The first hundred error entries. */
    public synchronized List<LogEntry> errors() {
        return List.copyOf(errors);
    }
}
