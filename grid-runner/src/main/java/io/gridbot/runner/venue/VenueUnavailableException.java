package io.gridbot.runner.venue;

import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.venue.VenueSetupException;

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

    /**
     * What went wrong, for a reason's text: the message of an exception from the venue, or the type and message
     * of one a third party's adapter threw against the SPI's contract (which may carry no message at all).
     */
    public static String reason(Throwable failure) {
        String message = failure.getMessage();
        if (failure instanceof ExchangeException || failure instanceof VenueSetupException) {
            return message;
        }
        String type = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }

    public String venue() {
        return venue;
    }
}
