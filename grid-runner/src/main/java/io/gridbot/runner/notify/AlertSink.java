package io.gridbot.runner.notify;

/** Where alerts are raised: it must return at once, whatever the receivers do. */
@FunctionalInterface
public interface AlertSink {

    /** Alerts go nowhere (no notifier is configured). */
    AlertSink NONE = alert -> { };

    void raise(GridAlert alert);
}
