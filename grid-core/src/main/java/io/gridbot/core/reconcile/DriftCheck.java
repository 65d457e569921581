package io.gridbot.core.reconcile;

import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderOwnership;
import io.gridbot.core.risk.PositionLegs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
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
 * <p>Time is an input: the machine passes the time of the event it handles. A check that is not periodic has no
 * interval: it checks only after a doubt, and while the stream is treated as silent.
 */
public final class DriftCheck {

    /** How often a running grid compares itself with the venue. */
    public static final long INTERVAL_MS = 60_000;
    /** How soon it checks again after a doubt, and how often while the order stream is silent. */
    public static final long DOUBT_INTERVAL_MS = 5_000;

    private final boolean periodic;
    private long nextAtMs = Long.MAX_VALUE;
    private boolean started;
    private long lastCheckAtMs = Long.MIN_VALUE;
    private long lastHeardAtMs = Long.MIN_VALUE;
    private boolean checkOnly;
    private boolean silent;
    private long driftsFound;

    /** A periodic check. */
    public DriftCheck() {
        this(true);
    }

    /** @param periodic false for a check only after doubts: for a venue whose streams cannot fail unseen */
    public DriftCheck(boolean periodic) {
        this.periodic = periodic;
    }

    /** The grid runs: the first check falls one interval from now. */
    public void start(long nowMs) {
        started = true;
        nextAtMs = after(nowMs, INTERVAL_MS);
        lastCheckAtMs = nowMs;
    }

    /** Whether a check is due. */
    public boolean due(long nowMs) {
        return nowMs >= nextAtMs;
    }

    /** The check's snapshot was asked for; {@code alone} when no other snapshot is on its way. */
    public void asked(long nowMs, boolean alone) {
        checkOnly = alone;
        nextAtMs = silent ? nowMs + DOUBT_INTERVAL_MS : after(nowMs, INTERVAL_MS);
    }

    /** A snapshot was asked for another reason: it reconciles in any case. */
    public void otherSnapshot() {
        checkOnly = false;
    }

    /** Something casts doubt on what the grid believes: check soon. */
    public void doubt(long nowMs) {
        if (started) {
            nextAtMs = Math.min(nextAtMs, nowMs + DOUBT_INTERVAL_MS);
        }
    }

    /** The order stream delivered a fill or an order's end: it speaks. */
    public void heard(long atMs) {
        lastHeardAtMs = Math.max(lastHeardAtMs, atMs);
        silent = false;
    }

    private long after(long nowMs, long intervalMs) {
        return periodic ? nowMs + intervalMs : Long.MAX_VALUE;
    }

    /** Differences found and resolved so far. */
    public long driftsFound() {
        return driftsFound;
    }

    /** Whether the order stream is treated as lost for its silence. */
    public boolean streamSilent() {
        return silent;
    }

    /** What the grid believes: its own position and the orders it tracks. */
    public static final class Belief {
        private final PositionLegs position;
        private final Map<String, BigDecimal> working = new HashMap<>();
        private final Set<String> tracked = new HashSet<>();

        /** @param position the grid's own position */
        public Belief(PositionLegs position) {
            this.position = position;
        }

        /**
         * An order the grid tracks; {@code acknowledged} when the venue confirmed it and no cancel is on its way,
         * so it must rest unless an update said otherwise.
         */
        public void track(String clientOrderId, boolean acknowledged, BigDecimal filled) {
            tracked.add(clientOrderId);
            if (acknowledged) {
                working.put(clientOrderId, filled);
            }
        }
    }

    /**
     * A comparison's outcome.
     *
     * @param notes            what to log
     * @param streamSilent     the stream is judged silent now (an alert is due)
     * @param nothingToResolve the check alone asked for the snapshot and nothing differs: no reconciliation
     */
    public record Finding(List<String> notes, boolean streamSilent, boolean nothingToResolve) {
    }

    /**
     * Compares the grid's belief with the venue and records the outcome.
     *
     * @param openOrders the venue's open orders on the symbol
     * @param venueShare the venue's position less what other grids' ledgers hold
     */
    public Finding check(OrderOwnership owner, Belief belief, List<OpenOrder> openOrders, PositionLegs venueShare,
            long nowMs, boolean streamConnected) {
        boolean alone = checkOnly;
        List<String> differences = differences(owner, belief, openOrders, venueShare);
        boolean quiet = lastHeardAtMs < lastCheckAtMs;
        lastCheckAtMs = nowMs;
        checkOnly = false;
        if (differences.isEmpty()) {
            return new Finding(List.of(), false, alone);
        }
        driftsFound++;
        List<String> notes = new ArrayList<>();
        notes.add("drift: " + differences.size() + " difference(s) with the venue, resolved as at a restart: "
                + String.join("; ", differences.subList(0, Math.min(5, differences.size()))));
        boolean newlySilent = streamConnected && quiet && !silent;
        if (streamConnected && quiet) {
            silent = true;
            nextAtMs = Math.min(nextAtMs, nowMs + DOUBT_INTERVAL_MS);
        }
        if (newlySilent) {
            notes.add("the order stream is connected but delivered nothing while the venue changed: treated as lost; "
                    + "the venue is polled every " + DOUBT_INTERVAL_MS / 1000 + " s until it delivers again");
        }
        return new Finding(List.copyOf(notes), newlySilent, false);
    }

    private static List<String> differences(OrderOwnership owner, Belief belief, List<OpenOrder> openOrders,
            PositionLegs venueShare) {
        List<String> out = new ArrayList<>();
        Set<String> resting = new HashSet<>();
        for (OpenOrder order : openOrders) {
            if (!owner.ours(order.clientOrderId())) {
                continue;
            }
            resting.add(order.clientOrderId());
            BigDecimal booked = belief.working.get(order.clientOrderId());
            if (!belief.tracked.contains(order.clientOrderId())) {
                out.add(order.clientOrderId() + " rests on the venue but the grid does not track it");
            } else if (booked != null && order.filledQty() != null && order.filledQty().compareTo(booked) > 0) {
                out.add(order.clientOrderId() + " filled " + order.filledQty().toPlainString() + " on the venue, "
                        + booked.toPlainString() + " booked");
            }
        }
        for (String id : belief.working.keySet()) {
            if (!resting.contains(id)) {
                out.add(id + " is no longer on the venue and no update said so");
            }
        }
        if (!belief.position.sameAs(venueShare)) {
            out.add("position " + belief.position.describe() + " held, the venue shows "
                    + venueShare.describe());
        }
        return out;
    }
}
