package io.gridbot.exchange.binance.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a data file, checked to be printable ASCII as they are read: Binance's files and messages are
 * ASCII, so any other byte means the file is binary (an image, an archive, a file cut and pasted with junk) and
 * is reported at its line and column instead of turning into a number that does not parse. Lines are counted
 * from 1; a line longer than {@link #MAX_LINE} bytes stops the read, so a binary file without newlines never
 * fills the memory. A UTF-8 byte order mark at the start is skipped, as spreadsheets write one.
 */
final class TextLines {

    /** The longest line read: a 1,000-level depth snapshot is about 60 KB. */
    static final int MAX_LINE = 4 << 20;

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private byte[] carry = new byte[1 << 10];
    private int carried;
    private int position;
    private int limit;
    private long number;
    private boolean started;
    private boolean ended;

    TextLines(InputStream in) {
        this.in = in;
    }

    /** The stream the lines are read from. */
    InputStream source() {
        return in;
    }

    /** Lines returned so far (or, after a {@link BadLine}, the number of the line at fault). */
    long number() {
        return number;
    }

    /**
     * The next line without its terminator ({@code \n} or {@code \r\n}), or {@code null} at the end.
     *
     * @throws BadLine     for a byte that is not text or a line that is too long
     * @throws IOException when the stream cannot be read (a truncated gzip stream among others)
     */
    String next() throws IOException {
        if (ended) {
            return null;
        }
        carried = 0;
        while (true) {
            if (position == limit && !fill()) {
                ended = true;
                if (carried == 0) {
                    return null;
                }
                number++;
                return text(carry, 0, carried);
            }
            int start = position;
            while (position < limit) {
                byte b = buffer[position];
                if (b == '\n') {
                    number++;
                    position++;
                    if (carried == 0) {
                        return text(buffer, start, position - 1);
                    }
                    append(start, position - 1);
                    return text(carry, 0, carried);
                }
                if (b < 0x20 ? b != '\t' && b != '\r' : b == 0x7f) {
                    number++;
                    throw new BadLine(String.format("byte 0x%02x at column %d is not text (a binary file?)", b & 0xff,
                            carried + position - start + 1));
                }
                position++;
            }
            append(start, limit);
            if (carried > MAX_LINE) {
                number++;
                throw new BadLine("longer than " + MAX_LINE + " bytes: not a data file");
            }
        }
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        if (!started) {
            started = true;
            if (n >= 3 && buffer[0] == (byte) 0xef && buffer[1] == (byte) 0xbb && buffer[2] == (byte) 0xbf) {
                position = 3;
            }
        }
        return true;
    }

    private void append(int from, int to) {
        int length = to - from;
        if (carried + length > carry.length) {
            carry = Arrays.copyOf(carry, Math.max(carry.length * 2, carried + length));
        }
        System.arraycopy(buffer, from, carry, carried, length);
        carried += length;
    }

    private static String text(byte[] bytes, int from, int to) {
        int end = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
        return new String(bytes, from, end - from, StandardCharsets.ISO_8859_1);
    }
}
