package io.gridbot.exchange.binance.data;

import io.gridbot.core.order.Side;
import io.gridbot.exchange.replay.MarketTrade;
import java.math.BigDecimal;
import java.util.function.Consumer;

/**
 * aggTrades: {@code agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker}
 * (futures; spot files add {@code is_best_match}). A price above zero, a quantity of zero or more, a time
 * never before the previous row's; {@code is_buyer_maker} says who took liquidity: the seller when true.
 */
final class AggTradeRows extends CsvRows {

    private long previous = Long.MIN_VALUE;

    AggTradeRows() {
        super("aggTrades", 7, 8);
    }

    @Override
    void row(String[] f, Consumer<MarketTrade> out) {
        long time = notBefore(epochMs(f, 5, "transact_time"), previous, f, 5, "transact_time");
        BigDecimal price = price(f, 1, "price");
        BigDecimal quantity = quantity(f, 2, "quantity");
        Side aggressor = aggressor(f[6].trim());
        previous = time;
        out.accept(new MarketTrade(time, price, quantity, aggressor));
    }

    private static Side aggressor(String buyerIsMaker) {
        if (buyerIsMaker.equalsIgnoreCase("true")) {
            return Side.SELL;
        }
        if (buyerIsMaker.equalsIgnoreCase("false")) {
            return Side.BUY;
        }
        throw new BadLine("is_buyer_maker '" + BadLine.excerpt(buyerIsMaker) + "' is neither true nor false");
    }
}
