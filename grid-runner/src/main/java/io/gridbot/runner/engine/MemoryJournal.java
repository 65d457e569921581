package io.gridbot.runner.engine;

import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import io.gridbot.core.order.Fill;
import io.gridbot.core.stoploss.StopLossReport;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A journal kept in memory, for replays and the demo: fills, stop-loss reports and log counts. */
public final class MemoryJournal implements GridJournal {

    private final List<Fill> fills = new ArrayList<>();
    private final List<StopLossReport> stopLosses = new ArrayList<>();
    private final Map<LogType, Integer> logCounts = new EnumMap<>(LogType.class);
    private final List<LogEntry> errors = new ArrayList<>();

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
