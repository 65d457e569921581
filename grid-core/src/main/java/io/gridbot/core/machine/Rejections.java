package io.gridbot.core.machine;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.command.GridCommand.AlertKind;
import io.gridbot.core.event.GridEvent.CancelRejected;
import io.gridbot.core.event.GridEvent.OrderRejected;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.log.LogType;
import io.gridbot.core.order.Intent;
import io.gridbot.core.status.GridStatus;

/**
 * The venue's refusals of creates and cancels, and the orders of unknown outcome they leave: each error
 * kind maps to one {@link Reaction}, and each reaction is written once.
 */
final class Rejections {

    /** What the grid does about a refused create. */
    enum Reaction {
        /** The outcome is unknown: the order may rest. Keep the line reserved and ask. */
        ASK_THE_VENUE,
        /** The id is live on the venue: it is this order. Ask for its state. */
        LIVE_ON_VENUE,
        /** The venue does not know the order. */
        ALREADY_GONE,
        /** Rate limited: no new orders for a while. */
        BACK_OFF,
        /** Insufficient balance: no new entries for a while. */
        SUSPEND_ENTRIES,
        /** Credentials refused: the grid pauses. */
        PAUSE_FOR_CREDENTIALS,
        /** A reduce-only exit refused: the venue's position disagrees with the grid's. */
        RESYNC_POSITION,
        /** Anything else: the line cools down. */
        COOL_DOWN
    }

    private final Grid g;
    /** The earliest time an order of unknown outcome waits to be asked about again. */
    private long nextQueryAtMs = Long.MAX_VALUE;

    Rejections(Grid g) {
        this.g = g;
    }

    static Reaction reactionTo(ExchangeErrorKind kind) {
        return switch (kind) {
            case TIMEOUT_UNKNOWN -> Reaction.ASK_THE_VENUE;
            case DUPLICATE_CLIENT_ID -> Reaction.LIVE_ON_VENUE;
            case UNKNOWN_ORDER -> Reaction.ALREADY_GONE;
            case RATE_LIMITED -> Reaction.BACK_OFF;
            case INSUFFICIENT_BALANCE -> Reaction.SUSPEND_ENTRIES;
            case AUTHENTICATION -> Reaction.PAUSE_FOR_CREDENTIALS;
            case REDUCE_ONLY_REJECTED -> Reaction.RESYNC_POSITION;
            case PRECISION, MIN_NOTIONAL, POST_ONLY_WOULD_TAKE, NETWORK, EXCHANGE_UNAVAILABLE, MAX_OPEN_ORDERS, OTHER ->
                    Reaction.COOL_DOWN;
        };
    }

    void onRejected(OrderRejected r) {
        g.sync.noteChange();
        String id = r.clientOrderId();
        if (g.flattening.isCloseOrder(id)) {
            g.flattening.closeRejected(r);
            return;
        }
        if (g.stop.is(id)) {
            g.stop.onRejected(r);
            return;
        }
        Slot slot = g.orders.slotOf(id);
        if (slot == null) {
            return;
        }
        TrackedOrder order = WorkingOrders.orderOf(slot, id);
        if (queryFailed(order, r)) {
            return;
        }
        Reaction reaction = reactionTo(r.kind());
        if (g.flattening.active() && reaction != Reaction.ASK_THE_VENUE) {
            g.orders.release(slot, order); // a grid order refused while flattening: nothing to retry
            g.lines.changed(slot.line);
            g.flattening.progress();
            return;
        }
        boolean wasCanceling = order.is(TrackedOrder.Phase.CANCELING);
        boolean gone = r.kind().orderCertainlyAbsent();
        if (gone) {
            g.orders.release(slot, order);
        }
        long nowMs = g.nowMs();
        long cooledAtMs = nowMs + g.config.cooldownMs();
        switch (reaction) {
            case ASK_THE_VENUE -> {
                // It may exist: keep the level reserved and ask (architecture: unknown outcomes).
                order.outcomeUnknown();
                g.out.add(new GridCommand.QueryOrder(g.config.symbol(), id));
                g.out.record(LogType.WARN, "create timed out, outcome unknown: querying the venue", id, slot.line);
            }
            case LIVE_ON_VENUE -> {
                order.liveOnVenue();
                g.out.add(new GridCommand.QueryOrder(g.config.symbol(), id));
            }
            case ALREADY_GONE -> {
                if (wasCanceling) {
                    g.out.record(LogType.INFO, "order already gone from the venue; its fills so far are kept", id,
                            slot.line);
                } else {
                    slot.blockedUntilMs = cooledAtMs;
                    g.out.record(LogType.WARN, "order not found on the venue: the create did not happen", id,
                            slot.line);
                }
            }
            case BACK_OFF -> {
                long until = g.sync.rateLimits().hit(nowMs, r.retryAfterMs());
                g.out.record(LogType.WARN, "rate limited (" + r.venueCode() + " " + r.message() + "): no new orders until "
                        + until + "", id, slot.line);
                g.out.add(new GridCommand.Alert(AlertKind.RATE_LIMITED, "rate limited by the venue: pausing new orders"));
            }
            case SUSPEND_ENTRIES -> {
                boolean first = g.sync.suspendEntries(nowMs + GridMachine.BALANCE_RETRY_MS);
                if (order.key.intent() == Intent.EXIT) {
                    slot.blockedUntilMs = cooledAtMs;
                }
                g.out.record(LogType.WARN, "insufficient balance: no new entries for " + GridMachine.BALANCE_RETRY_MS / 1000
                        + " s, exits kept", id, slot.line);
                if (first) {
                    g.out.add(new GridCommand.Alert(AlertKind.INSUFFICIENT_BALANCE, "insufficient balance for "
                            + g.config.name() + ": new entries suspended"));
                }
            }
            case PAUSE_FOR_CREDENTIALS -> {
                g.out.record(LogType.ERROR, "the venue refused the credentials: " + r.message(), id, slot.line);
                if (g.lifecycle.is(GridStatus.RUNNING)) {
                    g.lifecycle.setStatus(GridStatus.PAUSED, "credentials refused by the venue");
                }
                g.out.add(new GridCommand.Alert(AlertKind.UNEXPECTED_ERROR, "credentials refused for " + g.config.name()));
            }
            case RESYNC_POSITION -> {
                slot.blockedUntilMs = cooledAtMs;
                OneWayNetting.netAll(g);
                g.out.record(LogType.ERROR, "exit refused as reduce-only: the venue's position disagrees with the grid's; "
                        + "resynchronising", id, slot.line);
                g.venue.requestSnapshot();
            }
            case COOL_DOWN -> {
                slot.blockedUntilMs = cooledAtMs;
                g.out.record(LogType.ERROR, "order rejected: " + r.kind() + " " + nullToEmpty(r.venueCode()) + " "
                        + nullToEmpty(r.message()) + "; level cools down " + g.config.cooldownMs() / 1000 + " s",
                        id, slot.line);
            }
        }
        if (gone) {
            g.lines.changed(slot.line);
        }
    }

    void onCancelRejected(CancelRejected r) {
        g.sync.noteChange();
        String id = r.clientOrderId();
        if (g.stop.is(id)) {
            g.stop.onCancelRejected(r);
            return;
        }
        Slot slot = g.orders.slotOf(id);
        if (slot == null) {
            if (g.owner.ours(id)) {
                g.orphans.refused(r);
            }
            return;
        }
        TrackedOrder order = WorkingOrders.orderOf(slot, id);
        if (r.kind() == ExchangeErrorKind.UNKNOWN_ORDER) {
            // Gone already: filled or cancelled. Ask, so that a fill is not missed.
            g.out.add(new GridCommand.QueryOrder(g.config.symbol(), id));
            return;
        }
        order.liveOnVenue();
        g.out.record(LogType.WARN, "cancel failed (" + r.kind() + " " + nullToEmpty(r.message())
                + "); retried at the next sync", id, slot.line);
    }

    /**
     * Whether {@code r} is the failure of a query about an order whose create's outcome is unknown. Only the
     * venue's "no such order" settles that; any other failure leaves the order possibly resting, so its line
     * stays reserved and the venue is asked again after {@link GridMachine#QUERY_RETRY_MS}, never answered by
     * a second order.
     */
    boolean queryFailed(TrackedOrder order, OrderRejected r) {
        if (!order.is(TrackedOrder.Phase.UNKNOWN) || r.kind() == ExchangeErrorKind.UNKNOWN_ORDER) {
            return false;
        }
        order.queryAgainAtMs = g.nowMs() + GridMachine.QUERY_RETRY_MS;
        nextQueryAtMs = Math.min(nextQueryAtMs, order.queryAgainAtMs);
        g.out.record(LogType.WARN, "the venue could not say whether the order exists (" + r.kind() + " " + r.message()
                + "): asking again in " + GridMachine.QUERY_RETRY_MS / 1000 + " s", order.clientOrderId, null);
        return true;
    }

    /** Asks again about the orders of unknown outcome whose last query failed, once their wait is over. */
    void queryAgainDue() {
        // Every timer tick asks, and nearly always nothing waits: the walk runs only once the earliest wait is over.
        if (g.nowMs() < nextQueryAtMs) {
            return;
        }
        nextQueryAtMs = Long.MAX_VALUE;
        g.orders.forEach((id, order) -> queryAgainIfDue(order));
        g.stop.forEachOrder(this::queryAgainIfDue);
    }

    private void queryAgainIfDue(TrackedOrder order) {
        if (!order.is(TrackedOrder.Phase.UNKNOWN) || order.queryAgainAtMs < 0) {
            return;
        }
        if (g.nowMs() >= order.queryAgainAtMs) {
            order.queryAgainAtMs = -1;
            g.out.add(new GridCommand.QueryOrder(g.config.symbol(), order.clientOrderId));
        } else {
            nextQueryAtMs = Math.min(nextQueryAtMs, order.queryAgainAtMs);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
