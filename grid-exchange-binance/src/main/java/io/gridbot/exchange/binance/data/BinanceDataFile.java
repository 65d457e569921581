package io.gridbot.exchange.binance.data;

import io.gridbot.exchange.replay.MalformedDataException;
import io.gridbot.exchange.replay.MarketTrade;
import io.gridbot.exchange.replay.PriceSeries;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/**
 * Binance's public market data files as price series, plain or gzip-compressed (detected from the bytes),
 * with or without a header row:
 * <ul>
 *   <li>1-minute klines, in the official futures layout ({@code open_time,open,high,low,close,volume,…} with
 *   epoch-millisecond times) or the simplified layout {@code timestamp,open,high,low,close,volume} with
 *   {@code yyyy-MM-dd HH:mm:ss} UTC times. Each candle becomes four trades 15 s apart: open, then the
 *   extreme met first (the low for a rising candle, the high for a falling one), the other extreme, and the
 *   close, each with a quarter of the volume;</li>
 *   <li>aggTrades: {@code agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker};</li>
 *   <li>bookTicker: {@code update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty,transaction_time,event_time},
 *   as trades at the mid price without volume.</li>
 * </ul>
 * A malformed line stops the series with a {@link MalformedDataException} naming the line.
 */
public final class BinanceDataFile implements PriceSeries {

    /** The kinds of file. */
    public enum Kind {
        KLINES, AGG_TRADES, BOOK_TICKER
    }

    private static final DateTimeFormatter SIMPLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final BufferedReader reader;
    private final Kind kind;
    private final String name;
    private final ArrayDeque<MarketTrade> pending = new ArrayDeque<>();
    private long lineNumber;
    private boolean finished;

    private BinanceDataFile(InputStream in, Kind kind, String name) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        InputStream source = (b1 == 0x1f && b2 == 0x8b) ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        this.reader = new BufferedReader(new InputStreamReader(source, StandardCharsets.US_ASCII), 1 << 16);
        this.kind = kind;
        this.name = name;
    }

    /** Opens a series over a stream; {@code name} appears in error messages. */
    public static BinanceDataFile open(InputStream in, Kind kind, String name) {
        try {
            return new BinanceDataFile(in, kind, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
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

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readLine() {
        String line;
        try {
            line = reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        if (line == null) {
            finished = true;
            return;
        }
        lineNumber++;
        if (line.isBlank() || !Character.isDigit(line.charAt(0))) {
            return; // the header row, or an empty line
        }
        String[] f = line.split(",", -1);
        try {
            switch (kind) {
                case KLINES -> kline(f);
                case AGG_TRADES -> pending.add(new MarketTrade(Long.parseLong(f[5].trim()), new BigDecimal(f[1].trim()),
                        new BigDecimal(f[2].trim())));
                case BOOK_TICKER -> pending.add(new MarketTrade(Long.parseLong(f[5].trim()),
                        new BigDecimal(f[1].trim()).add(new BigDecimal(f[3].trim())).divide(TWO), null));
            }
        } catch (RuntimeException e) {
            throw new MalformedDataException(name + " line " + lineNumber + ": cannot read '" + line + "' as "
                    + kind.name().toLowerCase() + ": " + e.getMessage(), e);
        }
    }

    private void kline(String[] f) {
        long openTime = f[0].contains("-") ? LocalDateTime.parse(f[0].trim(), SIMPLE_TIME).toInstant(ZoneOffset.UTC)
                .toEpochMilli() : Long.parseLong(f[0].trim());
        BigDecimal open = new BigDecimal(f[1].trim());
        BigDecimal high = new BigDecimal(f[2].trim());
        BigDecimal low = new BigDecimal(f[3].trim());
        BigDecimal close = new BigDecimal(f[4].trim());
        BigDecimal quarter = new BigDecimal(f[5].trim()).divide(FOUR);
        boolean rising = close.compareTo(open) >= 0;
        pending.add(new MarketTrade(openTime, open, quarter));
        pending.add(new MarketTrade(openTime + 15_000, rising ? low : high, quarter));
        pending.add(new MarketTrade(openTime + 30_000, rising ? high : low, quarter));
        pending.add(new MarketTrade(openTime + 45_000, close, quarter));
    }
}
