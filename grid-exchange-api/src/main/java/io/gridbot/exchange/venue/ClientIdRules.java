package io.gridbot.exchange.venue;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The client order ids a venue accepts: at most {@code maxLength} characters, each one of {@code allowed}.
 *
 * @param maxLength the longest id, at least 1
 * @param allowed   the characters, as a regular-expression character class: {@code [A-Za-z0-9]} for letters and
 *                  digits, {@code [.A-Z:/a-z0-9_-]} for Binance's set
 */
public record ClientIdRules(int maxLength, String allowed) {

    public ClientIdRules {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, not " + maxLength);
        }
        if (allowed == null || !allowed.startsWith("[") || !allowed.endsWith("]")) {
            throw new IllegalArgumentException("allowed must be a character class like [A-Za-z0-9], not " + allowed);
        }
        try {
            Pattern.compile(allowed);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("allowed is not a character class: " + e.getDescription());
        }
    }

    /** Whether the venue accepts this id. */
    public boolean admits(String id) {
        return problem(id).isEmpty();
    }

    /** Why the venue would refuse this id; empty when it accepts it. */
    public Optional<String> problem(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.of("a client order id is required");
        }
        if (id.length() > maxLength) {
            return Optional.of("'" + id + "' has " + id.length() + " characters, more than " + maxLength);
        }
        if (!Pattern.matches(allowed + "+", id)) {
            return Optional.of("'" + id + "' has a character outside " + allowed);
        }
        return Optional.empty();
    }

    /** The rules in a phrase: {@code at most 32 characters of [A-Za-z0-9]}. */
    @Override
    public String toString() {
        return "at most " + maxLength + " characters of " + allowed;
    }
}
