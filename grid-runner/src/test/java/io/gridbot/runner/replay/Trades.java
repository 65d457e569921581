package io.gridbot.runner.replay;

import io.gridbot.exchange.replay.MarketTrade;
import io.gridbot.exchange.replay.PriceSeries;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A price series written out trade by trade, for replays whose path a test must know exactly. */
final class Trades implements PriceSeries {

    private final Iterator<MarketTrade> trades;

    private Trades(List<MarketTrade> trades) {
        this.trades = List.copyOf(trades).iterator();
    }

    /** One trade a minute from {@code startMs}, at each of the prices, each of unlimited volume. */
    static Trades everyMinute(long startMs, List<String> prices) {
        List<MarketTrade> out = new ArrayList<>();
        for (int i = 0; i < prices.size(); i++) {
            out.add(new MarketTrade(startMs + 60_000L * i, new BigDecimal(prices.get(i)), null));
        }
        return new Trades(out);
    }

    /** One trade a second after {@code startMs}, at each price given in thousandths, each of size {@code size}. */
    static Trades everySecond(long startMs, List<Long> milli, BigDecimal size) {
        List<MarketTrade> out = new ArrayList<>();
        for (int i = 0; i < milli.size(); i++) {
            out.add(new MarketTrade(startMs + 1_000L * (i + 1), BigDecimal.valueOf(milli.get(i), 3), size));
        }
        return new Trades(out);
    }

    /** {@code count} copies of {@code price}. */
    static List<String> flat(String price, int count) {
        return java.util.Collections.nCopies(count, price);
    }

    @Override
    public boolean hasNext() {
        return trades.hasNext();
    }

    @Override
    public MarketTrade next() {
        return trades.next();
    }
}
