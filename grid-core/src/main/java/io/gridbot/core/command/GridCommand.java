package io.gridbot.core.command;

import io.gridbot.core.level.Level;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Intent;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.stoploss.StopLossReport;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What the core asks its shell to do, as plain values, split by audience: {@link VenueCommand}s go to the
 * venue (the shell may run them concurrently), {@link Fact}s are to be recorded (persistence, the
 * ledger, the event log), and {@link Notice}s are for an operator.
 */
public sealed interface GridCommand permits GridCommand.VenueCommand, GridCommand.Fact, GridCommand.Notice {

    /** A command to the venue; its outcome comes back as events. */
    sealed interface VenueCommand extends GridCommand
            permits PlaceOrder, CancelOrder, CancelAll, CancelProtectiveStop, QueryOrder, RequestSnapshot {
    }

    /**
     * A fact the shell records: the ladder, a level, a fill, the venue's word on an order, a log entry, a status
     * change, a stop-loss report.
     */
    sealed interface Fact extends GridCommand
            permits LadderBuilt, LevelChanged, RecordFill, RecordOrderChange, RecordLog, StatusChanged, ReportStopLoss {
    }

    /** Something an operator should be told. */
    sealed interface Notice extends GridCommand permits Alert {
    }

    /**
     * Create an order. Its result comes back as an {@code OrderUpdate} or {@code OrderRejected} event.
     *
     * @param purpose what the order is for: a grid line's entry or exit, the protective stop, or a close
     */
    record PlaceOrder(OrderRequest request, Purpose purpose) implements VenueCommand {
        public PlaceOrder {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(purpose, "purpose");
        }
    }

    /** What a placed order is for. */
    sealed interface Purpose {

        /** A grid line's entry or exit. */
        record Line(Intent intent, int line) implements Purpose {
            public Line {
                Objects.requireNonNull(intent, "intent");
                if (line < 0) {
                    throw new IllegalArgumentException("line must not be negative: " + line);
                }
            }
        }

        /** The venue-side protective stop, which closes the whole position at the stop-loss line. */
        record ProtectiveStop() implements Purpose {
        }

        /** A market order closing the position in a stop-loss or stop. */
        record Close() implements Purpose {
        }
    }

    /** Cancel one order by client id; a failure comes back as {@code CancelRejected}. */
    record CancelOrder(String symbol, String clientOrderId) implements VenueCommand {
    }

    /**
     * Cancel all these orders of the grid at once, without waiting for one before the next (stop-loss, stop,
     * safe mode). Always by client id, never a symbol-wide cancel: other grids and people may have orders on
     * the same symbol of the same account.
     */
    record CancelAll(String symbol, List<String> clientOrderIds) implements VenueCommand {
        public CancelAll {
            clientOrderIds = List.copyOf(clientOrderIds);
        }
    }

    /** Cancel the venue-side protective stop (a separate endpoint on some venues). */
    record CancelProtectiveStop(String symbol, String clientOrderId) implements VenueCommand {
    }

    /**
     * Ask the venue for one order's state; the answer comes back as an {@code OrderUpdate}, or as an
     * {@code OrderRejected} of kind {@code UNKNOWN_ORDER} when the venue has no such order.
     */
    record QueryOrder(String symbol, String clientOrderId) implements VenueCommand {
    }

    /** Fetch open orders and the net position and deliver them as an {@code ExchangeSnapshot}. */
    record RequestSnapshot(String symbol) implements VenueCommand {
    }

    /** The ladder was built (first start): persist it so restarts keep the same lines. */
    record LadderBuilt(GridLadder ladder) implements Fact {
    }

    /** A level changed: persist it. */
    record LevelChanged(Level level) implements Fact {
    }

    /** An execution to book in the fill ledger. */
    record RecordFill(Fill fill) implements Fact {
    }

    /**
     * The venue's word on one of the grid's orders, for the order's record: its venue id, status and cumulative
     * filled quantity at {@code atMs}. It comes first among the commands of the update it is taken from, for
     * every update of the grid's orders that says how much has filled (the order stream's, a create's
     * acknowledgement, a query's answer, late ones too). A record applies it only when it
     * {@link #advances advances} the record.
     *
     * @param exchangeOrderId the venue's id, or {@code null} when the update does not carry it
     */
    record RecordOrderChange(String clientOrderId, String exchangeOrderId, OrderStatus status,
            BigDecimal cumFilledQty, long atMs) implements Fact {
        public RecordOrderChange {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(cumFilledQty, "cumFilledQty");
        }

        /**
         * Whether this change is written over an order's record that is {@code recordFinal} or not and has
         * {@code recordedFilled} so far ({@code null}: nothing recorded). Updates reach the grid from several
         * sources (the order stream, the create's acknowledgement, a query) in any order, so a final state
         * stays final and the filled quantity never goes back: a late "NEW" cannot reopen an order, and a
         * change that reports less filled than recorded is dropped whole.
         */
        public boolean advances(boolean recordFinal, BigDecimal recordedFilled) {
            return !recordFinal && (recordedFilled == null || recordedFilled.compareTo(cumFilledQty) <= 0);
        }
    }

    /** An event-log entry to persist (write-behind; never blocks the core). */
    record RecordLog(LogEntry entry) implements Fact {
    }

    /** The lifecycle state changed. */
    record StatusChanged(GridStatus from, GridStatus to, String reason) implements Fact {
    }

    /** A stop-loss finished: the report to persist and show. */
    record ReportStopLoss(StopLossReport report) implements Fact {
    }

    /** Something a person should know now: the single hook for notifiers. */
    record Alert(AlertKind kind, String message) implements Notice {
    }

    /** Why an alert was raised. */
    enum AlertKind {
        STOP_LOSS, SAFE_MODE, INSUFFICIENT_BALANCE, UNEXPECTED_ERROR, RATE_LIMITED, STREAM_SILENT
    }
}
