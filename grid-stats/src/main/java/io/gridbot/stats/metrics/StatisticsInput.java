package io.gridbot.stats.metrics;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.level.Level;
import io.gridbot.core.order.Fill;
import io.gridbot.stats.ledger.FundingPayment;
import io.gridbot.stats.ledger.OrderRecord;
import io.gridbot.stats.ledger.PricePoint;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Everything the statistics of one grid are computed from. Fees are taken to be in the quote asset.
 *
 * @param grid          the grid's name
 * @param positionMode  the grid's position mode, which decides how realized PnL is booked: on the net position in
 *                      one-way mode, on each leg in hedge mode ({@link io.gridbot.stats.ledger.EquityLedger})
 * @param fills         the fill ledger, any order
 * @param funding       funding payments
 * @param prices        mark or last prices, for unrealized PnL and the equity curve
 * @param orders        the grid's orders, for cancels, fill rate and time to fill
 * @param stopLossAtMs  when stop-losses fired
 * @param levels        the current levels, for position per level
 * @param capital       the capital the grid works with, for yield and drawdown percentages; zero if unknown
 */
public record StatisticsInput(
        String grid,
        PositionMode positionMode,
        List<Fill> fills,
        List<FundingPayment> funding,
        List<PricePoint> prices,
        List<OrderRecord> orders,
        List<Long> stopLossAtMs,
        List<Level> levels,
        BigDecimal capital) {

    public StatisticsInput {
        Objects.requireNonNull(positionMode, "positionMode");
        fills = List.copyOf(fills);
        funding = List.copyOf(funding);
        prices = List.copyOf(prices);
        orders = List.copyOf(orders);
        stopLossAtMs = List.copyOf(stopLossAtMs);
        levels = List.copyOf(levels);
    }
}
