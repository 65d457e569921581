package io.gridbot.runner.venue;

/** A grid's venue cannot be used: not configured, or it failed to open. The message says which and why. */
public final class VenueUnavailableException extends Exception {

    private final String venue;

    public VenueUnavailableException(String venue, String reason) {
        super("venue " + venue + " is unavailable: " + reason);
        this.venue = venue;
    }

    public String venue() {
        return venue;
    }
}
