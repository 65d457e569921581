package io.gridbot.core.event;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.risk.PositionLegs;
import java.math.BigDecimal;
import java.util.List;

/**
 * Everything that can happen to a grid, as plain values, split by source: {@link ShellEvent}s (the
 * operator's controls, the shell's timer and its faults), {@link MarketEvent}s (prices) and
 * {@link VenueEvent}s (orders, rejections, positions, snapshots, recovered executions, stream health).
 * Every event carries its time, so the core never reads a clock; the shell delivers a grid's events one at
 * a time, in order.
 */
public sealed interface GridEvent permits GridEvent.ShellEvent, GridEvent.MarketEvent, GridEvent.VenueEvent {

    /** When the event happened, epoch milliseconds (the venue's time where it has one). */
    long atMs();

    /** From the process serving the grid: an operator's control, the timer, a fault of the shell. */
    sealed interface ShellEvent extends GridEvent permits ControlRequested, TimerTick, Fault {
    }

    /** From the market data stream. */
    sealed interface MarketEvent extends GridEvent permits PriceTick {
    }

    /** From the venue: its order and account streams, its answers to the grid's commands, its history. */
    sealed interface VenueEvent extends GridEvent permits OrderUpdate, OrderRejected, CancelRejected, PositionUpdate,
            ExchangeSnapshot, SnapshotFailed, ExecutionsRecovered, StreamHealth {
    }

    /** A user's control request. */
    record ControlRequested(long atMs, Control control) implements ShellEvent {
    }

    /** The user's lifecycle commands. */
    enum Control {
        START, PAUSE, RESUME, STOP
    }

    /** A market price: last trade, mark price or book mid, as the shell chooses. */
    record PriceTick(long atMs, BigDecimal price) implements MarketEvent {
    }

    /**
     * An order's new state from the venue's order stream or a query.
     *
     * @param clientOrderId   the grid's id for the order
     * @param exchangeOrderId the venue's id, {@code null} if not known yet
     * @param status          the order's status after this update
     * @param cumFilledQty    the total filled so far (cumulative), never less than in an earlier update
     * @param lastFillQty     the quantity of the execution this update reports, zero if none
     * @param lastFillPrice   the price of that execution, {@code null} if none
     * @param fee             the fee of that execution, zero if none or unknown
     * @param feeAsset        the fee's asset, {@code null} if unknown
     * @param tradeId         the venue's trade id of that execution, {@code null} if none
     */
    record OrderUpdate(long atMs, String clientOrderId, String exchangeOrderId, OrderStatus status,
            BigDecimal cumFilledQty, BigDecimal lastFillQty, BigDecimal lastFillPrice, BigDecimal fee,
            String feeAsset, String tradeId) implements VenueEvent {
    }

    /**
     * A create the shell sent on the core's behalf failed.
     *
     * @param retryAfterMs the venue's retry-after for rate limits, 0 when none was given
     * @param venueCode    the venue's own error code, for the log
     * @param message      the venue's message, for the log
     */
    record OrderRejected(long atMs, String clientOrderId, ExchangeErrorKind kind, long retryAfterMs,
            String venueCode, String message) implements VenueEvent {
    }

    /**
     * The venue did not answer a snapshot's reads (open orders, position).
     *
     * @param retryAfterMs the venue's retry-after for rate limits, 0 when none was given
     * @param message      the venue's message, for the log
     */
    record SnapshotFailed(long atMs, ExchangeErrorKind kind, long retryAfterMs, String message) implements VenueEvent {
    }

    /** A cancel failed; {@link ExchangeErrorKind#UNKNOWN_ORDER} means the order is already gone. */
    record CancelRejected(long atMs, String clientOrderId, ExchangeErrorKind kind, String message)
            implements VenueEvent {
    }

    /**
     * The venue's position on one leg of the symbol, signed (positive long), from the account stream: the net
     * ({@code BOTH}) in one-way mode, the {@code LONG} or {@code SHORT} leg in hedge mode.
     */
    record PositionUpdate(long atMs, PositionSide positionSide, BigDecimal qty) implements VenueEvent {
        public PositionUpdate {
            java.util.Objects.requireNonNull(positionSide, "positionSide");
            java.util.Objects.requireNonNull(qty, "qty");
        }

        /** A one-way account's net position. */
        public PositionUpdate(long atMs, BigDecimal netQty) {
            this(atMs, PositionSide.BOTH, netQty);
        }
    }

    /**
     * The venue's open orders and position, fetched on start, after a reconnect, or when the core asks for
     * one: the truth that reconciliation works from.
     *
     * @param openOrders this grid's open orders and those no grid placed (other grids' are left out)
     * @param position   the account's position on the symbol, per leg in hedge mode
     * @param otherGrids what other grids' ledgers hold of it on the same venue account and symbol, per leg:
     *                   the part of {@code position} that is not this grid's to adopt or close
     */
    record ExchangeSnapshot(long atMs, List<OpenOrder> openOrders, PositionLegs position, PositionLegs otherGrids)
            implements VenueEvent {
        public ExchangeSnapshot {
            openOrders = List.copyOf(openOrders);
            java.util.Objects.requireNonNull(position, "position");
            otherGrids = otherGrids == null ? PositionLegs.FLAT : otherGrids;
        }

        /** A one-way account's snapshot, other grids holding {@code otherGridsNet} of its net position. */
        public ExchangeSnapshot(long atMs, List<OpenOrder> openOrders, BigDecimal netPosition, BigDecimal otherGridsNet) {
            this(atMs, openOrders, PositionLegs.oneWay(netPosition),
                    PositionLegs.oneWay(otherGridsNet == null ? BigDecimal.ZERO : otherGridsNet));
        }

        /** A snapshot of a one-way account no other grid trades on this symbol. */
        public ExchangeSnapshot(long atMs, List<OpenOrder> openOrders, BigDecimal netPosition) {
            this(atMs, openOrders, netPosition, BigDecimal.ZERO);
        }

        /** The account's signed net position on the symbol, all legs together. */
        public BigDecimal netPosition() {
            return position.net();
        }

        /** The signed net of what other grids' ledgers hold. */
        public BigDecimal otherGridsNet() {
            return otherGrids.net();
        }

        /** What no other grid's ledger explains, per leg: the most this grid may hold of the account's position. */
        public PositionLegs own() {
            return position.minus(otherGrids);
        }

        /** The net of {@link #own()}. */
        public BigDecimal unexplainedByOthers() {
            return own().net();
        }
    }

    /**
     * Executions of this grid read from the venue's trade history with a snapshot, and delivered right behind
     * it: fills made while no process listened or while the stream was down. The core books each as the live
     * path would (kind, line, fee, realized PnL); their effect on the position is in the snapshot already.
     */
    record ExecutionsRecovered(long atMs, List<Execution> executions) implements VenueEvent {
        public ExecutionsRecovered {
            executions = List.copyOf(executions);
        }
    }

    /** One execution of the venue's trade history, oldest first within a recovery. */
    record Execution(String clientOrderId, String exchangeOrderId, String tradeId, io.gridbot.core.order.Side side,
            BigDecimal price, BigDecimal qty, BigDecimal fee, String feeAsset, long atMs) {
    }

    /** The health of the venue's streams. */
    record StreamHealth(long atMs, StreamState state, int attempt) implements VenueEvent {
    }

    /** Stream states an adapter reports. */
    enum StreamState {
        CONNECTED, DISCONNECTED, RECONNECTING, GAVE_UP
    }

    /** Time passes: drives the refresh, cool-downs, the partial-fill limit and rate-limit pauses. */
    record TimerTick(long atMs) implements ShellEvent {
    }

    /** Something failed outside the core while serving this grid: the grid pauses. */
    record Fault(long atMs, String description) implements ShellEvent {
    }
}
