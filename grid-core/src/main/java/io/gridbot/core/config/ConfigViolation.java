package io.gridbot.core.config;

/**
 * One reason a configuration is invalid: the field at fault and why, in words a user can act on.
 *
 * @param field  the configuration field, as named in YAML and on the command line
 * @param reason what is wrong with it
 */
public record ConfigViolation(String field, String reason) {

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
