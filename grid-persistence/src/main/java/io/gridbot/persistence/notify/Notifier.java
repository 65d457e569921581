package io.gridbot.persistence.notify;

import io.gridbot.core.command.GridCommand.AlertKind;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One notifier as its owner configured it. {@link #toString()} shows neither the target nor the secret: they
 * must never reach a log.
 *
 * @param name    its unique name, in lower case
 * @param kind    webhook or Telegram
 * @param target  the webhook's URL or the Telegram chat id
 * @param secret  the Telegram bot token, or the webhook's signing key; empty for a webhook that signs nothing
 * @param wants   the alert kinds it is sent (all of them by default)
 * @param enabled whether alerts go to it
 */
public record Notifier(String name, NotifierKind kind, String target, Optional<String> secret, Set<AlertKind> wants,
        boolean enabled) {

    public Notifier {
        wants = wants.isEmpty() ? EnumSet.allOf(AlertKind.class) : EnumSet.copyOf(wants);
    }

    /** Whether an alert of this kind goes to it. */
    public boolean wants(AlertKind alert) {
        return enabled && wants.contains(alert);
    }

    @Override
    public String toString() {
        return "Notifier[" + name + ", " + kind + ", target=***, secret=" + (secret.isPresent() ? "***" : "none") + "]";
    }
}
