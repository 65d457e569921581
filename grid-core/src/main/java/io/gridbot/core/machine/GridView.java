package io.gridbot.core.machine;

import io.gridbot.core.risk.PositionLegs;
import io.gridbot.core.level.Level;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.stoploss.StopLossReport;
import java.math.BigDecimal;
import java.util.List;

/**
 * A read-only picture of a grid at one moment: what {@code status}, the dashboard and the
 * persistence snapshots show.
 *
 * @param name                  the grid's name
 * @param status                its lifecycle state
 * @param lastPrice             the last market price seen, or {@code null}
 * @param position              the net position from the grid's own fills, signed
 * @param venuePosition         the venue's last reported net position, or {@code null}
 * @param legs                  the grid's own position per leg (in hedge mode a long and a short leg)
 * @param ladder                the lines, or {@code null} before the first start
 * @param levels                every level
 * @param openOrders            orders the grid believes live (entries, exits and the protective stop)
 * @param skippedEntries        entries skipped by the position limit
 * @param stopLossCount         stop-losses triggered by this machine
 * @param lastStopLoss          the latest stop-loss report, or {@code null}
 * @param streamUp              whether the venue's streams are connected and delivering
 * @param rateLimitedUntilMs    end of the current rate-limit pause (in the past if none)
 * @param entriesSuspendedUntilMs end of the insufficient-balance suspension (in the past if none)
 * @param driftsFound           periodic or doubt-driven comparisons with the venue that found a difference
 * @param recentLog             the event log's ring buffer, oldest first
 */
public record GridView(
        String name,
        GridStatus status,
        BigDecimal lastPrice,
        BigDecimal position,
        BigDecimal venuePosition,
        PositionLegs legs,
        GridLadder ladder,
        List<Level> levels,
        int openOrders,
        long skippedEntries,
        int stopLossCount,
        StopLossReport lastStopLoss,
        boolean streamUp,
        long rateLimitedUntilMs,
        long entriesSuspendedUntilMs,
        long driftsFound,
        List<LogEntry> recentLog) {
}
