package io.gridbot.runner.notify;

/** The wait between two delivery attempts: {@link Thread#sleep(long)} live, a recorded no-op in tests. */
@FunctionalInterface
public interface Pause {

    /** Sleeps for real. */
    Pause SLEEP = Thread::sleep;

    void pause(long ms) throws InterruptedException;
}
