package io.gridbot.exchange.venue;

/**
 * A venue cannot be opened with the settings it was given: a setting or credential is missing or wrong, or no
 * venue has the code asked for. The message says which setting and why, in words a person acts on, and never
 * holds a secret's value.
 */
public final class VenueSetupException extends Exception {

    public VenueSetupException(String message) {
        super(message);
    }
}
