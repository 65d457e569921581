package io.gridbot.exchange.sim;

/** The simulator's virtual time, moved only by the market data fed to it or by the caller. */
public final class SimClock {

    private long nowMs;

    public SimClock(long startMs) {
        this.nowMs = startMs;
    }

    public synchronized long nowMs() {
        return nowMs;
    }

    /** Moves time forward; a time in the past leaves it unchanged. */
    public synchronized void advanceTo(long ms) {
        if (ms > nowMs) {
            nowMs = ms;
        }
    }

    /** Moves time forward as {@link #advanceTo} does and returns the time now: one lock for a trade's two steps. */
    synchronized long moveTo(long ms) {
        advanceTo(ms);
        return nowMs;
    }
}
