package io.gridbot.runner.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Makes API tokens and the hashes they are stored under. A token is {@code gbt_} and 32 random bytes in
 * unpadded base64url (256 bits): nobody can guess one, so its plain SHA-256 is as safe to store as a slow
 * salted hash would be, and lets a request be checked with one indexed lookup.
 */
public final class TokenMint {

    /** What every token starts with, so one found in a file or a log is recognisable as ours. */
    public static final String PREFIX = "gbt_";
    private static final Pattern SHAPE = Pattern.compile("gbt_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenMint() {
    }

    /** A new random token. */
    public static String mint() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has a token's shape (a cheap check before any lookup). */
    public static boolean wellFormed(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    /** The token's SHA-256, in lower-case hex: what the database stores. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
