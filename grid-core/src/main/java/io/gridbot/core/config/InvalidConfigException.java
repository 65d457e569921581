package io.gridbot.core.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a grid is built from a configuration that fails validation; carries every violation. */
public final class InvalidConfigException extends RuntimeException {

    private final transient List<ConfigViolation> violations;

    public InvalidConfigException(List<ConfigViolation> violations) {
        super("invalid grid configuration: "
                + violations.stream().map(ConfigViolation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    /** Every violation found, in field order. */
    public List<ConfigViolation> violations() {
        return violations;
    }
}
