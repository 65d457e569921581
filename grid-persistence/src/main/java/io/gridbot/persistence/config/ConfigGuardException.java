package io.gridbot.persistence.config;

/** A configuration change refused by a rule of FR-1 (e.g. editing a running grid, AC1.5), with the reason. */
public final class ConfigGuardException extends RuntimeException {

    public ConfigGuardException(String message) {
        super(message);
    }
}
