package io.gridbot.exchange.binance.data;

/**
 * What is wrong with one line of a data file, in words for a person ({@code high 25010.5 is below low 25020});
 * {@link BinanceDataFile} adds the file and the line. Cheap to throw: it carries no stack trace, since it is
 * reported, never debugged.
 */
final class BadLine extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadLine(String problem) {
        super(problem, null, false, false);
    }

    /** The start of a field or line for a message: a file's junk should not flood the terminal. */
    static String excerpt(String text) {
        return excerpt(text, 40);
    }

    /** At most {@code max} characters of {@code text}, marked when cut. */
    static String excerpt(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
