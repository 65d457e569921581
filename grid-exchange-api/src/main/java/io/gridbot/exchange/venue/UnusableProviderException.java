package io.gridbot.exchange.venue;

/**
 * A venue provider on the path cannot be used: it failed to load, its code is malformed or taken by another, or
 * the core's client order ids do not fit its rules. The message names the provider's class and the reason, so a
 * person knows which jar to fix or remove.
 */
public final class UnusableProviderException extends IllegalStateException {

    public UnusableProviderException(String message) {
        super(message);
    }

    public UnusableProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
