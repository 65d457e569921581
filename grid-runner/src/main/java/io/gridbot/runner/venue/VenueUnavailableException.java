package io.gridbot.runner.venue;

/**
 * A grid's venue cannot be used: not configured, it failed to open, or it cannot host the grid (its account is
 * in another position mode). The message says which and why.
 */
public final class VenueUnavailableException extends Exception {

    private final String venue;

    public VenueUnavailableException(String venue, String reason) {
        this(reason, venue, true);
    }

    private VenueUnavailableException(String message, String venue, boolean unavailable) {
        super(unavailable ? "venue " + venue + " is unavailable: " + message : message);
        this.venue = venue;
    }

    /** The venue is up, but cannot host this grid; {@code message} says why and what to do. */
    public static VenueUnavailableException refusing(String venue, String message) {
        return new VenueUnavailableException(message, venue, false);
    }

    public String venue() {
        return venue;
    }
}
