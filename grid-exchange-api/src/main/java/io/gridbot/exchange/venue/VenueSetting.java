package io.gridbot.exchange.venue;

import java.util.Objects;

/**
 * One environment variable a venue reads.
 *
 * @param name        the variable ({@code GRIDBOT_BINANCE_API_KEY})
 * @param meaning     what it sets, the values it takes and its default, in a line for people
 * @param secret      whether its value is a secret, which is never printed, logged or echoed
 * @param storedField the field of a stored account ({@link AccountCredentials#API_KEY}, …) it may come from
 *                    instead, or {@code null} when it is read from the environment only
 */
public record VenueSetting(String name, String meaning, boolean secret, String storedField) {

    public VenueSetting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(meaning, "meaning");
    }

    /** A variable that is no secret and never stored. */
    public static VenueSetting plain(String name, String meaning) {
        return new VenueSetting(name, meaning, false, null);
    }

    /** A secret variable that may come from this field of a stored account instead. */
    public static VenueSetting secret(String name, String meaning, String storedField) {
        return new VenueSetting(name, meaning, true, Objects.requireNonNull(storedField, "storedField"));
    }
}
