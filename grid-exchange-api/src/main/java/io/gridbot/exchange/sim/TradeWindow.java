package io.gridbot.exchange.sim;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashSet;
import java.util.Set;

/**
 * One symbol's trades over the trailing minute: their range (highest minus lowest price), which sets a market
 * order's slippage, and, when the {@link FillModel#QUEUE} model asks for it, the volume they traded per price,
 * from which it estimates the queue a new order joins. A trade belongs to the window while it is less than a
 * minute old; for 1m klines (four trades 15 s apart) that is about one candle.
 *
 * <p>Every trade passes through here, and only market orders, triggered stops and queued limit orders ask what
 * the minute traded: so a trade only joins a ring of the minute's trades, and the answers are worked out when
 * asked, with one pass over it.
 */
final class TradeWindow {

    static final long SPAN_MS = 60_000;

    private final boolean volumes;
    /** The minute's trades, oldest first, in rings of times, prices and volumes: no object per trade. */
    private long[] times = new long[8];
    private BigDecimal[] prices = new BigDecimal[8];
    private BigDecimal[] qtys = new BigDecimal[8];
    private int head;
    private int size;
    /**
     * The largest scale of the volumes of known size seen so far. The volume per price is a sum kept at that
     * scale: it once was a running total, whose scale the trades that left the window had set too.
     */
    private int volumeScale;

    /** @param volumes whether to keep the volume per price too (only the queue model needs it) */
    TradeWindow(boolean volumes) {
        this.volumes = volumes;
    }

    /** A trade at {@code atMs}, no earlier than the last; {@code qty} {@code null} when unknown. */
    void add(long atMs, BigDecimal price, BigDecimal qty) {
        if (size == prices.length) {
            grow();
        }
        int i = slot(size);
        times[i] = atMs;
        prices[i] = price;
        size++;
        if (volumes && qty != null && qty.signum() > 0) {
            qtys[i] = qty;
            volumeScale = Math.max(volumeScale, qty.scale());
        }
        expire(atMs);
    }

    /**
     * The highest minus the lowest price traded in the minute before {@code nowMs}; zero when none was. Of equal
     * prices (26000.0 and 26000.00) the latest trade's stands for the high or the low.
     */
    BigDecimal range(long nowMs) {
        expire(nowMs);
        if (size == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal high = prices[head];
        BigDecimal low = high;
        for (int k = 1; k < size; k++) {
            BigDecimal p = prices[slot(k)];
            if (p.compareTo(high) >= 0) {
                high = p;
            }
            if (p.compareTo(low) <= 0) {
                low = p;
            }
        }
        return high.subtract(low);
    }

    /**
     * The volume of known size traded in the minute before {@code nowMs}, divided by the number of distinct
     * prices it traded at (26000.0 and 26000.00 are one): an average price level's volume. Zero when nothing of
     * known size traded.
     */
    BigDecimal volumePerPrice(long nowMs) {
        expire(nowMs);
        BigDecimal volume = BigDecimal.ZERO;
        Set<BigDecimal> levels = new HashSet<>();
        for (int k = 0; k < size; k++) {
            BigDecimal q = qtys[slot(k)];
            if (q != null) {
                volume = volume.add(q);
                levels.add(prices[slot(k)].stripTrailingZeros());
            }
        }
        return levels.isEmpty() ? BigDecimal.ZERO
                : volume.setScale(volumeScale).divide(BigDecimal.valueOf(levels.size()), MathContext.DECIMAL64);
    }

    private void expire(long nowMs) {
        long oldest = nowMs - SPAN_MS; // a trade this old or older has left the window
        while (size > 0 && times[head] <= oldest) {
            prices[head] = null;
            qtys[head] = null;
            head = slot(1);
            size--;
        }
    }

    private int slot(int offset) {
        return (head + offset) & (prices.length - 1); // the length is a power of two
    }

    private void grow() {
        long[] t = new long[times.length * 2];
        BigDecimal[] p = new BigDecimal[t.length];
        BigDecimal[] q = new BigDecimal[t.length];
        for (int k = 0; k < size; k++) {
            t[k] = times[slot(k)];
            p[k] = prices[slot(k)];
            q[k] = qtys[slot(k)];
        }
        times = t;
        prices = p;
        qtys = q;
        head = 0;
    }
}
