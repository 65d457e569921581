package io.gridbot.exchange.binance.data;

import io.gridbot.exchange.replay.MalformedDataException;
import io.gridbot.exchange.replay.MarketTrade;
import io.gridbot.exchange.replay.PriceSeries;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Binance market data as a price series, plain or gzip-compressed (detected from the bytes, whatever the name):
 * <ul>
 *   <li>{@link Kind#KLINES}: 1-minute klines, in the official futures layout ({@code open_time,open,high,low,close,volume,…}
 *   with epoch-millisecond times) or the simplified layout {@code timestamp,open,high,low,close,volume} with
 *   {@code yyyy-MM-dd HH:mm:ss} UTC times. Each candle becomes four trades 15 s apart: open, then the
 *   extreme met first (the low for a rising candle, the high for a falling one), the other extreme, and the
 *   close, each with a quarter of the volume;</li>
 *   <li>{@link Kind#AGG_TRADES}: {@code agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker},
 *   each a trade with its aggressor (the seller when the buyer was the maker);</li>
 *   <li>{@link Kind#BOOK_TICKER}: {@code update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty,transaction_time,event_time},
 *   as trades at the mid price without volume;</li>
 *   <li>{@link Kind#WS_CAPTURE}: a raw capture of the futures WebSocket streams, one JSON message a line, of which
 *   {@code trade}, {@code aggTrade} and {@code bookTicker} events of one symbol are played (see below).</li>
 * </ul>
 * The CSV kinds take a header on the first row only. Every row is checked: the right number of columns,
 * numbers that parse, prices above zero, quantities of zero or more, a candle's open and close within its low
 * and high, and time going forward (a candle's open time after the previous one's; trades and quotes never
 * before the previous row's). A capture's trades need a price above zero, a quantity of zero or more and a
 * buyer-is-maker flag, its quotes a bid and an ask above zero; lines that are not JSON are errors, messages
 * without trades (depth updates, a REST snapshot, subscription replies) are skipped, and the streams, each in
 * time order, are played in the order received, each event at the latest time seen so far.
 *
 * <p>A file that breaks a check, is binary, is a truncated or corrupt gzip stream, or has no data at all stops
 * the series with a {@link MalformedDataException} whose message is one line for a person, naming the file,
 * the row (a capture's: line) counted from 1 with the header, and the problem:
 * {@code prices.csv.gz: row 1234: high 25010.5 is below low 25020}. Since the series is read lazily, the trades
 * before a bad row have been handed out by then: a caller that must not act on part of a bad file first reads
 * it through with {@link #check}, in constant memory, then opens it again.
 */
public final class BinanceDataFile implements PriceSeries {

    /** The kinds of file. */
    public enum Kind {
        KLINES, AGG_TRADES, BOOK_TICKER, WS_CAPTURE
    }

    /**
     * What a file holds, once checked.
     *
     * @param trades  the trades it gives
     * @param firstMs the first one's time
     * @param lastMs  the last one's
     */
    public record Contents(long trades, long firstMs, long lastMs) {
    }

    private final TextLines lines;
    private final boolean gzip;
    private final LineFormat format;
    private final String name;
    private final ArrayDeque<MarketTrade> pending = new ArrayDeque<>();
    private final Consumer<MarketTrade> sink = pending::add;
    private long dataLines;
    private boolean finished;

    private BinanceDataFile(InputStream in, LineFormat format, String name) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(4);
        byte[] magic = buffered.readNBytes(4);
        buffered.reset();
        if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
            throw new MalformedDataException(name + ": a zip archive: unzip it and use the .csv inside");
        }
        this.gzip = magic.length >= 2 && magic[0] == (byte) 0x1f && magic[1] == (byte) 0x8b;
        this.name = name;
        this.format = format;
        this.lines = new TextLines(gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered);
    }

    /** Opens a series over a stream of one symbol's data; {@code name} appears in error messages. */
    public static BinanceDataFile open(InputStream in, Kind kind, String name) {
        return open(in, kind, name, null);
    }

    /**
     * Opens a series over a stream; {@code name} appears in error messages.
     *
     * @param symbol for a capture, the symbol to play ({@code null}: the only one the capture holds); the CSV
     *               kinds hold one symbol each and ignore it
     * @throws MalformedDataException when the stream is not one the series can read (a zip archive, a
     *                                gzip stream cut short before its first row)
     */
    public static BinanceDataFile open(InputStream in, Kind kind, String name, String symbol) {
        LineFormat format = switch (kind) {
            case KLINES -> new KlineRows();
            case AGG_TRADES -> new AggTradeRows();
            case BOOK_TICKER -> new BookTickerRows();
            case WS_CAPTURE -> new CaptureLines(symbol);
        };
        try {
            return new BinanceDataFile(in, format, name);
        } catch (IOException e) {
            closeQuietly(in);
            throw new MalformedDataException(name + ": " + unreadable(e, true, "before the first " + format.unit()), e);
        } catch (MalformedDataException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /**
     * Reads a whole file through every check without keeping it, and closes it: what a replay does first, so
     * that nothing is played from a file that fails.
     *
     * @throws MalformedDataException naming the file, the row and the problem
     */
    public static Contents check(InputStream in, Kind kind, String name, String symbol) {
        try (BinanceDataFile file = open(in, kind, name, symbol)) {
            long first = file.next().atMs(); // a file without data has failed by now
            long last = first;
            long trades = 1;
            while (file.hasNext()) {
                last = file.next().atMs();
                trades++;
            }
            return new Contents(trades, first, last);
        }
    }

    @Override
    public boolean hasNext() {
        while (pending.isEmpty() && !finished) {
            readLine();
        }
        return !pending.isEmpty();
    }

    @Override
    public MarketTrade next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.poll();
    }

    /** Closes the stream. */
    @Override
    public void close() {
        closeQuietly(lines.source());
    }

    /** A failure to close is of no consequence to data already read (or never to be read), so it is ignored. */
    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing was lost
        }
    }

    private void readLine() {
        String line;
        try {
            line = lines.next();
        } catch (BadLine e) {
            throw at(e);
        } catch (IOException e) {
            finished = true;
            String after = lines.number() == 0 ? "before the first " + format.unit()
                    : "after " + format.unit() + " " + lines.number();
            throw new MalformedDataException(name + ": " + unreadable(e, gzip, after), e);
        }
        if (line == null) {
            finished = true;
            if (dataLines == 0) {
                throw new MalformedDataException(name + ": " + format.nothingToPlay());
            }
            return;
        }
        if (line.isBlank()) {
            return;
        }
        try {
            if (format.read(line, lines.number(), sink)) {
                dataLines++;
            }
        } catch (BadLine e) {
            throw at(e);
        }
    }

    private MalformedDataException at(BadLine e) {
        finished = true;
        return new MalformedDataException(name + ": " + format.unit() + " " + lines.number() + ": " + e.getMessage());
    }

    private static String unreadable(IOException e, boolean gzip, String where) {
        if (gzip && e instanceof EOFException) {
            return "truncated gzip stream " + where;
        }
        if (gzip && e instanceof ZipException) {
            return "corrupt gzip stream " + where + " (" + e.getMessage() + ")";
        }
        return "cannot read " + where + ": " + e.getMessage();
    }
}
