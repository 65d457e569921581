package io.gridbot.core.status;

/** A grid's lifecycle state. */
public enum GridStatus {
    /** Not running: never started, stopped by the user, or flat after a stop-loss. */
    STOPPED,
    /** Started; waiting for the venue snapshot and the first price before placing orders. */
    INITIALIZING,
    /** Keeping the ideal orders resting. */
    RUNNING,
    /** Orders and position kept, nothing new placed; also entered on an unexpected error. */
    PAUSED,
    /** Stop requested: cancelling everything and closing the position. */
    STOPPING,
    /** Stop-loss triggered: cancelling everything and closing the position. */
    STOP_LOSS,
    /** The market stream gave up: orders cancelled, nothing new until the user acts. */
    SAFE_MODE;

    /** True while the grid holds or may hold orders on the venue. */
    public boolean isActive() {
        return this != STOPPED;
    }
}
