package io.gridbot.runner.notify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Clears a notifier's secrets (its bot token, its target) out of any text about to be logged, thrown or printed:
 * a receiver's answer may echo the path it was called on, and an I/O error may name the address.
 */
record Redaction(List<String> secrets) {

    static final String MASK = "***";

    Redaction {
        secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).toList();
    }

    String clear(String text) {
        if (text == null) {
            return "";
        }
        String cleared = text;
        for (String secret : secrets) {
            cleared = cleared.replace(secret, MASK).replace(URLEncoder.encode(secret, StandardCharsets.UTF_8), MASK);
        }
        return cleared;
    }
}
