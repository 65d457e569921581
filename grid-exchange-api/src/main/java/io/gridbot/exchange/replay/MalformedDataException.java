package io.gridbot.exchange.replay;

/** A market data file that cannot be read, with the line at fault. */
public final class MalformedDataException extends RuntimeException {

    public MalformedDataException(String message) {
        super(message);
    }

    public MalformedDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
