package io.gridbot.persistence.notify;

import java.net.URI;

/** What a notifier sends to: a generic webhook (an http or https URL) or a Telegram chat. */
public enum NotifierKind {
    WEBHOOK,
    TELEGRAM;

    /**
     * The target as listings show it, with nothing that could be a credential: a webhook's scheme and host (its
     * path and query may carry a token), a chat id's last two characters.
     */
    public String shown(String target) {
        return switch (this) {
            case WEBHOOK -> {
                try {
                    URI uri = URI.create(target);
                    yield uri.getScheme() + "://" + uri.getRawAuthority().replaceFirst("^.*@", "") + "/…";
                } catch (RuntimeException e) {
                    yield "(webhook)";
                }
            }
            case TELEGRAM -> target.length() > 4 ? "chat …" + target.substring(target.length() - 2) : "chat …";
        };
    }
}
