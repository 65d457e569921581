package io.gridbot.persistence.notify;

import io.gridbot.core.command.GridCommand.AlertKind;
import java.util.Set;

/**
 * A stored notifier as listings show it: nothing in it is secret.
 *
 * @param name      its name
 * @param kind      webhook or Telegram
 * @param shown     its target, redacted ({@link NotifierKind#shown})
 * @param hasSecret whether a secret (bot token, signing key) is stored with it
 * @param wants     the alert kinds it is sent
 * @param enabled   whether alerts go to it
 */
public record NotifierListing(String name, NotifierKind kind, String shown, boolean hasSecret, Set<AlertKind> wants,
        boolean enabled) {
}
