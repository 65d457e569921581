package io.gridbot.runner.link;

/** No daemon answered at an address (nothing listens, or it did not answer in time): ask the database instead. */
public final class DaemonUnreachable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DaemonUnreachable(String message) {
        super(message);
    }
}
