package io.gridbot.core.reconcile;

import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderOwnership;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The periodic reconciliation: a venue's order stream can stay connected and stop delivering, which no
 * ping sees. Every {@value #INTERVAL_MS} ms of running (and {@value #DOUBT_INTERVAL_MS} ms after any doubt:
 * a failed snapshot, an update for an untracked order, a stream found silent) the grid compares the venue's
 * open orders and position with what it believes. A difference is logged, counted and resolved as at a
 * restart; one found while the stream delivered nothing since the previous check means the stream is
 * silent: it is treated as lost, and the venue is polled at the doubt interval until the stream speaks again.
 *
 * <p>Time is an input: the machine passes the time of the event it handles.
 */
public final class DriftCheck {

    /** How often a running grid compares itself with the venue. */
    public static final long INTERVAL_MS = 60_000;
    /** How soon it checks again after a doubt, and how often while the order stream is silent. */
    public static final long DOUBT_INTERVAL_MS = 5_000;

    private long nextAtMs = Long.MAX_VALUE;
    private long lastCheckAtMs = Long.MIN_VALUE;
    private long lastHeardAtMs = Long.MIN_VALUE;
    private boolean checkOnly;
    private boolean silent;
    private long driftsFound;

    /** The grid runs: the first check falls one interval from now. */
    public void start(long nowMs) {
        nextAtMs = nowMs + INTERVAL_MS;
        lastCheckAtMs = nowMs;
    }

    /** Whether a check is due. */
    public boolean due(long nowMs) {
        return nowMs >= nextAtMs;
    }

    /** The check's snapshot was asked for; {@code alone} when no other snapshot is on its way. */
    public void asked(long nowMs, boolean alone) {
        checkOnly = alone;
        nextAtMs = nowMs + (silent ? DOUBT_INTERVAL_MS : INTERVAL_MS);
    }

    /** A snapshot was asked for another reason: it reconciles in any case. */
    public void otherSnapshot() {
        checkOnly = false;
    }

    /** Whether the snapshot on its way was asked for by the check alone (nothing to do if nothing differs). */
    public boolean checkOnly() {
        return checkOnly;
    }

    /** Something casts doubt on what the grid believes: check soon. */
    public void doubt(long nowMs) {
        if (nextAtMs != Long.MAX_VALUE) {
            nextAtMs = Math.min(nextAtMs, nowMs + DOUBT_INTERVAL_MS);
        }
    }

    /** The order stream delivered a fill or an order's end: it speaks. */
    public void heard(long atMs) {
        lastHeardAtMs = Math.max(lastHeardAtMs, atMs);
        silent = false;
    }

    /** Differences found and resolved so far. */
    public long driftsFound() {
        return driftsFound;
    }

    /** Whether the order stream is treated as lost for its silence. */
    public boolean streamSilent() {
        return silent;
    }

    /**
     * Records a comparison's outcome. Returns true when the stream is judged silent now: the venue changed
     * while the stream, connected, delivered nothing since the previous check.
     */
    public boolean record(List<String> differences, long nowMs, boolean streamConnected) {
        boolean quiet = lastHeardAtMs < lastCheckAtMs;
        lastCheckAtMs = nowMs;
        checkOnly = false;
        if (differences.isEmpty()) {
            return false;
        }
        driftsFound++;
        boolean newlySilent = streamConnected && quiet && !silent;
        if (streamConnected && quiet) {
            silent = true;
            nextAtMs = Math.min(nextAtMs, nowMs + DOUBT_INTERVAL_MS);
        }
        return newlySilent;
    }

    /**
     * What differs between the grid's belief and the venue, in words; empty when they agree.
     *
     * @param working          the grid's orders the venue acknowledged, by client id, with the quantity booked
     * @param tracked          every order id the grid tracks (working, in flight or being cancelled)
     * @param openOrders       the venue's open orders on the symbol
     * @param position         the grid's own position
     * @param venueShare       the venue's position less what other grids' ledgers hold
     */
    public static List<String> differences(OrderOwnership owner, Map<String, BigDecimal> working, Set<String> tracked,
            List<OpenOrder> openOrders, BigDecimal position, BigDecimal venueShare) {
        List<String> out = new ArrayList<>();
        Set<String> resting = new HashSet<>();
        for (OpenOrder order : openOrders) {
            if (!owner.ours(order.clientOrderId())) {
                continue;
            }
            resting.add(order.clientOrderId());
            BigDecimal booked = working.get(order.clientOrderId());
            if (!tracked.contains(order.clientOrderId())) {
                out.add(order.clientOrderId() + " rests on the venue but the grid does not track it");
            } else if (booked != null && order.filledQty() != null && order.filledQty().compareTo(booked) > 0) {
                out.add(order.clientOrderId() + " filled " + order.filledQty().toPlainString() + " on the venue, "
                        + booked.toPlainString() + " booked");
            }
        }
        for (String id : working.keySet()) {
            if (!resting.contains(id)) {
                out.add(id + " is no longer on the venue and no update said so");
            }
        }
        if (position.compareTo(venueShare) != 0) {
            out.add("position " + position.toPlainString() + " held, the venue shows " + venueShare.toPlainString());
        }
        return out;
    }
}
