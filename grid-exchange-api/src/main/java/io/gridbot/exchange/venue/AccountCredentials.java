package io.gridbot.exchange.venue;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One stored account's credentials for a venue, by field: {@link #API_KEY} and {@link #SECRET} for most venues,
 * more where a venue asks for more (a passphrase). {@link #toString()} names the fields, never their values.
 *
 * @param venue   the venue's code
 * @param account the account's label ({@code default} unless named)
 * @param fields  the values by field name
 */
public record AccountCredentials(String venue, String account, Map<String, String> fields) {

    /** The API key's field. */
    public static final String API_KEY = "apiKey";
    /** The API secret's field. */
    public static final String SECRET = "secret";
    /** The field of the passphrase chosen when the key was made, for a venue that asks for one (OKX). */
    public static final String PASSPHRASE = "passphrase";

    public AccountCredentials {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(account, "account");
        fields = Map.copyOf(fields);
    }

    /** The field's value; empty when the account has none or a blank one. */
    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name)).filter(v -> !v.isBlank());
    }

    @Override
    public String toString() {
        return "AccountCredentials[" + venue + "/" + account + ", fields " + new TreeSet<>(fields.keySet()) + "]";
    }
}
