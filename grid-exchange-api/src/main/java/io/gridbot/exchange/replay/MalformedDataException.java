package io.gridbot.exchange.replay;

/**
 * A market data file that cannot be played. Its message is the one line to show a person as it is: the file,
 * the row at fault when there is one, and the problem ({@code prices.csv.gz: row 1234: high 25010.5 is below
 * low 25020}, {@code prices.csv.gz: truncated gzip stream after row 50000}, {@code prices.csv: no data rows}).
 */
public final class MalformedDataException extends RuntimeException {

    public MalformedDataException(String message) {
        super(message);
    }

    public MalformedDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
