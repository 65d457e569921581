package io.gridbot.exchange.sim;

import io.gridbot.core.fault.ExchangeErrorKind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;

/**
 * Faults the simulator injects on request, deterministic from a seed: rejected and timed-out creates,
 * rate-limit windows, dropped or stalled streams with failing reconnects, and duplicated or reordered
 * stream events. Configure it through {@link SimulatedExchange#faults()}.
 */
public final class SimFaults {

    private final Deque<ExchangeErrorKind> rejections = new ArrayDeque<>();
    private final Deque<Boolean> timeouts = new ArrayDeque<>();
    private int windowMaxOrders;
    private long windowMs;
    private long windowStartMs = Long.MIN_VALUE;
    private int windowCount;
    private int weightLimit;
    private long weightWindowMs;
    private long weightWindowStartMs = Long.MIN_VALUE;
    private int weightUsed;
    private SplittableRandom random = new SplittableRandom(0);
    private double duplicateProbability;
    private double reorderProbability;
    private int reconnectFailures;
    /** Volatile, so that every stream event can ask about a stall without the lock. */
    private volatile long stallUntilMs = Long.MIN_VALUE;

    /** No fault yet; each simulator makes its own. */
    SimFaults() {
    }

    /** The next creates are refused with this kind, one each. */
    public synchronized SimFaults rejectNextCreates(int count, ExchangeErrorKind kind) {
        for (int i = 0; i < count; i++) {
            rejections.add(kind);
        }
        return this;
    }

    /**
     * The next creates time out ({@code TIMEOUT_UNKNOWN}); when {@code happened} the order was placed all the
     * same, as a venue under load sometimes does.
     */
    public synchronized SimFaults timeOutNextCreates(int count, boolean happened) {
        for (int i = 0; i < count; i++) {
            timeouts.add(happened);
        }
        return this;
    }

    /** At most {@code maxOrders} creates per window of {@code windowMs}; beyond that, RATE_LIMITED. */
    public synchronized SimFaults orderRateLimit(int maxOrders, long windowMs) {
        this.windowMaxOrders = maxOrders;
        this.windowMs = windowMs;
        return this;
    }

    /**
     * At most {@code maxWeight} request weight per window of {@code windowMs} (Binance counts weight per
     * minute: a create or cancel weighs 1, open orders 1, a position 5); beyond it every request is refused
     * with RATE_LIMITED and the time left in the window.
     */
    public synchronized SimFaults requestWeightLimit(int maxWeight, long windowMs) {
        this.weightLimit = maxWeight;
        this.weightWindowMs = windowMs;
        return this;
    }

    /** Stream events are duplicated or swapped with their neighbour with these probabilities. */
    public synchronized SimFaults perturbEvents(long seed, double duplicate, double reorder) {
        this.random = new SplittableRandom(seed);
        this.duplicateProbability = duplicate;
        this.reorderProbability = reorder;
        return this;
    }

    /** After the next stream drop, this many reconnect attempts fail before one succeeds. */
    public synchronized SimFaults failReconnects(int count) {
        this.reconnectFailures = count;
        return this;
    }

    /** Stream events are held until this virtual time, then delivered in a burst. */
    public synchronized SimFaults stallStreamsUntil(long ms) {
        this.stallUntilMs = ms;
        return this;
    }

    synchronized ExchangeErrorKind nextRejection() {
        return rejections.poll();
    }

    synchronized Boolean nextTimeout() {
        return timeouts.poll();
    }

    /** Counts a create; returns the retry-after in ms if it is over the limit, else -1. */
    synchronized long rateLimited(long nowMs) {
        if (windowMaxOrders <= 0) {
            return -1;
        }
        if (windowStartMs == Long.MIN_VALUE || nowMs >= windowStartMs + windowMs) {
            windowStartMs = nowMs;
            windowCount = 0;
        }
        if (windowCount >= windowMaxOrders) {
            return windowStartMs + windowMs - nowMs;
        }
        windowCount++;
        return -1;
    }

    /** Charges a request's weight; returns the retry-after in ms if the window is spent, else -1. */
    synchronized long overWeight(long nowMs, int weight) {
        if (weightLimit <= 0) {
            return -1;
        }
        if (weightWindowStartMs == Long.MIN_VALUE || nowMs >= weightWindowStartMs + weightWindowMs) {
            weightWindowStartMs = nowMs;
            weightUsed = 0;
        }
        if (weightUsed + weight > weightLimit) {
            return weightWindowStartMs + weightWindowMs - nowMs;
        }
        weightUsed += weight;
        return -1;
    }

    synchronized boolean duplicate() {
        return duplicateProbability > 0 && random.nextDouble() < duplicateProbability;
    }

    synchronized boolean reorder() {
        return reorderProbability > 0 && random.nextDouble() < reorderProbability;
    }

    synchronized boolean reconnectFails() {
        if (reconnectFailures > 0) {
            reconnectFailures--;
            return true;
        }
        return false;
    }

    boolean stalled(long nowMs) {
        return nowMs < stallUntilMs;
    }
}
