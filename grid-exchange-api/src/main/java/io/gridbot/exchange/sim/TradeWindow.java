package io.gridbot.exchange.sim;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * One symbol's trades over the trailing minute: their range (highest minus lowest price), which sets a market
 * order's slippage, and, when the {@link FillModel#QUEUE} model asks for it, the volume they traded per price,
 * from which it estimates the queue a new order joins. A trade belongs to the window while it is less than a
 * minute old; for 1m klines (four trades 15 s apart) that is about one candle.
 */
final class TradeWindow {

    static final long SPAN_MS = 60_000;

    private record Mark(long atMs, BigDecimal price) {
    }

    private record Volume(long atMs, BigDecimal priceKey, BigDecimal qty) {
    }

    private final boolean volumes;
    /** Candidates for the highest price: prices strictly decreasing, times increasing. */
    private final ArrayDeque<Mark> highs = new ArrayDeque<>();
    /** Candidates for the lowest price: prices strictly increasing. */
    private final ArrayDeque<Mark> lows = new ArrayDeque<>();
    private final ArrayDeque<Volume> trades = new ArrayDeque<>();
    /** Volume by price, keyed without trailing zeros so 26000.0 and 26000.00 are one price. */
    private final Map<BigDecimal, BigDecimal> volumeAt = new HashMap<>();
    private BigDecimal volume = BigDecimal.ZERO;

    /** @param volumes whether to keep the volume per price too (only the queue model needs it) */
    TradeWindow(boolean volumes) {
        this.volumes = volumes;
    }

    /** A trade at {@code atMs}, no earlier than the last; {@code qty} {@code null} when unknown. */
    void add(long atMs, BigDecimal price, BigDecimal qty) {
        Mark m = new Mark(atMs, price);
        while (!highs.isEmpty() && highs.peekLast().price().compareTo(price) <= 0) {
            highs.pollLast();
        }
        highs.addLast(m);
        while (!lows.isEmpty() && lows.peekLast().price().compareTo(price) >= 0) {
            lows.pollLast();
        }
        lows.addLast(m);
        if (volumes && qty != null && qty.signum() > 0) {
            BigDecimal key = price.stripTrailingZeros();
            trades.addLast(new Volume(atMs, key, qty));
            volumeAt.merge(key, qty, BigDecimal::add);
            volume = volume.add(qty);
        }
        expire(atMs);
    }

    /** The highest minus the lowest price traded in the minute before {@code nowMs}; zero when none was. */
    BigDecimal range(long nowMs) {
        expire(nowMs);
        return highs.isEmpty() ? BigDecimal.ZERO : highs.peekFirst().price().subtract(lows.peekFirst().price());
    }

    /**
     * The volume of known size traded in the minute before {@code nowMs}, divided by the number of distinct
     * prices it traded at: an average price level's volume. Zero when nothing of known size traded.
     */
    BigDecimal volumePerPrice(long nowMs) {
        expire(nowMs);
        return volumeAt.isEmpty() ? BigDecimal.ZERO
                : volume.divide(BigDecimal.valueOf(volumeAt.size()), MathContext.DECIMAL64);
    }

    private void expire(long nowMs) {
        long oldest = nowMs - SPAN_MS; // a trade this old or older has left the window
        while (!highs.isEmpty() && highs.peekFirst().atMs() <= oldest) {
            highs.pollFirst();
        }
        while (!lows.isEmpty() && lows.peekFirst().atMs() <= oldest) {
            lows.pollFirst();
        }
        while (!trades.isEmpty() && trades.peekFirst().atMs() <= oldest) {
            Volume v = trades.pollFirst();
            volume = volume.subtract(v.qty());
            volumeAt.computeIfPresent(v.priceKey(), (k, sum) -> {
                BigDecimal rest = sum.subtract(v.qty());
                return rest.signum() == 0 ? null : rest;
            });
        }
    }
}
