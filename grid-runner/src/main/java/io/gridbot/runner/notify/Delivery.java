package io.gridbot.runner.notify;

/**
 * How the delivery of one alert ended.
 *
 * @param result   delivered, refused by the receiver, or given up after the last attempt
 * @param attempts how many attempts were made
 * @param answer   the receiver's last answer ({@code HTTP 200: ok}) or why it could not be reached, free of secrets
 */
public record Delivery(Result result, int attempts, String answer) {

    /** How a delivery ended. */
    public enum Result {
        /** The receiver took it (2xx). */
        DELIVERED,
        /** The receiver refused it (a 4xx other than 429): another attempt would be refused too. */
        REFUSED,
        /** Every attempt failed (unreachable, too slow, 5xx or 429). */
        GAVE_UP
    }

    public boolean delivered() {
        return result == Result.DELIVERED;
    }
}
