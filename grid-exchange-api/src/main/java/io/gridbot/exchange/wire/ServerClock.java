package io.gridbot.exchange.wire;

import java.util.function.LongSupplier;

/**
 * A venue's time as this machine estimates it: the local clock plus the offset last measured against the venue's
 * time endpoint (Binance's {@code /fapi/v1/time}, OKX's {@code /api/v5/public/time}, Bybit's
 * {@code /v5/market/time}), so signed timestamps stay inside the window the venue accepts on a drifting host. The offset is taken at the midpoint of the request's
 * round trip; each adapter decides when to measure it.
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
