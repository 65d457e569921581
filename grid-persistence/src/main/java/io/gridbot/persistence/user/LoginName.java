package io.gridbot.persistence.user;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A dashboard login name in its one spelling: trimmed, Unicode-normalised (NFKC) and lower-cased. Every
 * place that deals with a name (adding a user, looking one up, the login lockout, the sessions) uses this
 * spelling, so {@code CHAOS} and {@code chaos} are the same user everywhere, on every database. Valid names
 * are 1 to 64 of {@code a-z 0-9 _ . @ -}: within that alphabet a case- and accent-insensitive server
 * collation and an exact comparison agree, so the database cannot match a different spelling.
 */
public final class LoginName {

    /** What a valid name may contain, for messages. */
    public static final String RULE = "1 to 64 letters, digits, '_', '.', '@' or '-' (compared in lower case)";
    private static final Pattern VALID = Pattern.compile("[a-z0-9_.@-]{1,64}");

    private LoginName() {
    }

    /** The one spelling of a typed name (also for names that are not valid). */
    public static String of(String typed) {
        return Normalizer.normalize(typed.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Whether the name, in its one spelling, is a valid login name. */
    public static boolean valid(String typed) {
        return VALID.matcher(of(typed)).matches();
    }
}
