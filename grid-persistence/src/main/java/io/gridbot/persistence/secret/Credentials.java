package io.gridbot.persistence.secret;

/**
 * An exchange API key and secret, and the passphrase of a venue that asks for one (OKX). {@link #toString()} shows
 * none of them: they must never reach a log.
 *
 * @param exchange   the venue code
 * @param label      which account
 * @param apiKey     the API key
 * @param secret     the API secret
 * @param passphrase the key's passphrase, or {@code null} for a venue that has none
 */
public record Credentials(String exchange, String label, String apiKey, String secret, String passphrase) {

    /** A key and secret without a passphrase. */
    public Credentials(String exchange, String label, String apiKey, String secret) {
        this(exchange, label, apiKey, secret, null);
    }

    @Override
    public String toString() {
        return "Credentials[" + exchange + "/" + label + ", apiKey=***, secret=***" + (passphrase == null ? "" : ", passphrase=***") + "]";
    }
}
