package io.gridbot.runner.testing;

import io.gridbot.runner.daemon.LeaseSettings;

/** Daemon timings for in-process tests: how often a test's daemon looks at its work, never what it does. */
public final class TestDaemons {

    /**
     * The default leases (30 s, renewed every 5 s, fenced after 15 s), with control requests read every 50 ms
     * instead of 200 ms: a test waits for the daemon's answer at every start, pause, resume and stop.
     */
    public static final LeaseSettings QUICK_POLL = new LeaseSettings(30_000, 5_000, 15_000, 50);

    private TestDaemons() {
    }
}
