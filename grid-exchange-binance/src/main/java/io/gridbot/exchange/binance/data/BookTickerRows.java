package io.gridbot.exchange.binance.data;

import io.gridbot.exchange.replay.MarketTrade;
import java.math.BigDecimal;
import java.util.function.Consumer;

/**
 * bookTicker: {@code update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty,transaction_time,event_time}.
 * Prices above zero, quantities of zero or more, a transaction time never before the previous row's; each row
 * becomes a trade at the mid price without volume and without an aggressor.
 */
final class BookTickerRows extends CsvRows {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private long previous = Long.MIN_VALUE;

    BookTickerRows() {
        super("bookTicker", 7);
    }

    @Override
    void row(String[] f, Consumer<MarketTrade> out) {
        long time = notBefore(epochMs(f, 5, "transaction_time"), previous, f, 5, "transaction_time");
        BigDecimal bid = price(f, 1, "best_bid_price");
        quantity(f, 2, "best_bid_qty");
        BigDecimal ask = price(f, 3, "best_ask_price");
        quantity(f, 4, "best_ask_qty");
        previous = time;
        out.accept(new MarketTrade(time, bid.add(ask).divide(TWO), null));
    }
}
