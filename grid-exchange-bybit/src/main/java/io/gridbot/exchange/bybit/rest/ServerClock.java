package io.gridbot.exchange.bybit.rest;

import java.util.function.LongSupplier;

/**
 * The venue's time as this machine estimates it: the local clock plus the offset measured against
 * {@code /v5/market/time}, so request timestamps stay inside Bybit's window on a drifting host. (A minimal copy of
 * the other adapters' clock; the shared one is to replace it.)
 */
public final class ServerClock {

    private final LongSupplier local;
    private volatile long offsetMs;

    public ServerClock(LongSupplier local) {
        this.local = local;
    }

    /** Takes a measurement: the server's time, and the local times before and after asking for it. */
    public void observe(long serverMs, long sentAtMs, long receivedAtMs) {
        offsetMs = serverMs - (sentAtMs + receivedAtMs) / 2;
    }

    /** The estimated server time now. */
    public long nowMs() {
        return local.getAsLong() + offsetMs;
    }

    public long localMs() {
        return local.getAsLong();
    }

    public long offsetMs() {
        return offsetMs;
    }
}
