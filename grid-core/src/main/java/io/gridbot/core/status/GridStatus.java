package io.gridbot.core.status;

/** A grid's lifecycle state (FR-13). */
public enum GridStatus {
    /** Not running: never started, stopped by the user, or flat after a stop-loss. */
    STOPPED,
    /** Started; waiting for the venue snapshot and the first price before placing orders (AC13.2). */
    INITIALIZING,
    /** Keeping the ideal orders resting. */
    RUNNING,
    /** Orders and position kept, nothing new placed (AC13.4); also entered on an unexpected error (AC12.7). */
    PAUSED,
    /** Stop requested: cancelling everything and closing the position (AC13.8). */
    STOPPING,
    /** Stop-loss triggered: cancelling everything and closing the position (FR-8). */
    STOP_LOSS,
    /** The market stream gave up (AC12.1): orders cancelled, nothing new until the user acts. */
    SAFE_MODE;

    /** True while the grid holds or may hold orders on the venue. */
    public boolean isActive() {
        return this != STOPPED;
    }
}
