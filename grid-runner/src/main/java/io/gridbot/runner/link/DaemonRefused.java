package io.gridbot.runner.link;

/**
 * A daemon answered but would not serve the request: the token is missing, unknown or only reads, or the daemon
 * failed. Its message says which, for the user; the command stops there rather than go around the daemon.
 */
public final class DaemonRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DaemonRefused(String message) {
        super(message);
    }
}
