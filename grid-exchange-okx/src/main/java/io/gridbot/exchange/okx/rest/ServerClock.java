package io.gridbot.exchange.okx.rest;

import java.util.function.LongSupplier;

/**
 * The venue's time as this machine estimates it: the local clock plus the offset measured against
 * {@code /api/v5/public/time}, so request timestamps stay within the 30 seconds OKX accepts on a drifting host.
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
