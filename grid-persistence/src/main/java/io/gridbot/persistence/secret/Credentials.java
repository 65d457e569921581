package io.gridbot.persistence.secret;

/**
 * An exchange API key and secret. {@link #toString()} shows neither: they must never reach a log.
 *
 * @param exchange the venue code
 * @param label    which account
 * @param apiKey   the API key
 * @param secret   the API secret
 */
public record Credentials(String exchange, String label, String apiKey, String secret) {

    @Override
    public String toString() {
        return "Credentials[" + exchange + "/" + label + ", apiKey=***, secret=***]";
    }
}
