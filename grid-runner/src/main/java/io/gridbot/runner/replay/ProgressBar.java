package io.gridbot.runner.replay;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A replay's progress through its price file, by the bytes read: one line redrawn in place on a terminal,
 * or a line at every tenth when the output is a file or a pipe, so logs stay readable.
 */
final class ProgressBar {

    private static final int WIDTH = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final PrintWriter out;
    private final boolean terminal;
    private final long totalBytes;
    private Counting source;
    private int lastTenth = -1;
    private long lastAtMs;

    ProgressBar(PrintWriter out, boolean terminal, long totalBytes) {
        this.out = out;
        this.terminal = terminal;
        this.totalBytes = Math.max(1, totalBytes);
    }

    /** The price file, counted as it is read. */
    InputStream track(InputStream in) {
        source = new Counting(in);
        return source;
    }

    void update(long trades, long atMs) {
        draw((int) Math.min(99, source.read * 100 / totalBytes), trades, atMs);
    }

    /** Draws the bar full and ends its line. */
    void finish(long trades) {
        draw(100, trades, lastAtMs);
        if (terminal) {
            out.println();
            out.flush();
        }
    }

    /** Ends the bar's line where it stands (the replay failed). */
    void abandon() {
        if (terminal) {
            out.println();
            out.flush();
        }
    }

    private void draw(int percent, long trades, long atMs) {
        lastAtMs = atMs;
        String line = String.format("  [%-" + WIDTH + "s] %3d%%  %,d trades  %s UTC", "#".repeat(percent * WIDTH / 100),
                percent, trades, DAY.format(Instant.ofEpochMilli(atMs)));
        if (terminal) {
            out.print("\r" + line);
        } else if (percent / 10 > lastTenth) {
            lastTenth = percent / 10;
            out.println(line);
        }
        out.flush();
    }

    private static final class Counting extends FilterInputStream {
        private long read;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }
}
