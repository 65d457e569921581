package io.gridbot.stats.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.stats.ledger.FundingPayment;
import io.gridbot.stats.ledger.PricePoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The statistics' total PnL against an independent recomputation from cash flows: what was received for
 * sells, paid for buys, in fees and funding, plus the position at the last price. Average-cost accounting
 * must agree with it to far better than the spec's 0.01 %.
 */
class PnlRecomputationProperties {

    @Property(tries = 300)
    void totalPnlEqualsTheCashFlowsPlusThePositionAtTheLastPrice(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = -20, max = 20) Integer> trades,
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 9_000, max = 11_000) Integer> prices) {
        List<Fill> fills = new ArrayList<>();
        BigDecimal cash = BigDecimal.ZERO;
        BigDecimal position = BigDecimal.ZERO;
        BigDecimal fee = new BigDecimal("0.01");
        for (int i = 0; i < trades.size(); i++) {
            int units = trades.get(i);
            if (units == 0) {
                continue;
            }
            Side side = units > 0 ? Side.BUY : Side.SELL;
            BigDecimal qty = BigDecimal.valueOf(Math.abs(units), 3);
            BigDecimal price = BigDecimal.valueOf(prices.get(i % prices.size()), 1);
            fills.add(new Fill(1_000L * i, "o" + i, null, null, ClientOrderId.Kind.ENTRY, side, 0, price, qty, fee, "USDT",
                    BigDecimal.ZERO));
            cash = cash.add(side == Side.SELL ? price.multiply(qty) : price.multiply(qty).negate()).subtract(fee);
            position = position.add(side == Side.BUY ? qty : qty.negate());
        }
        BigDecimal last = BigDecimal.valueOf(prices.get(prices.size() - 1), 1);
        BigDecimal funding = new BigDecimal("-0.37");
        long end = 1_000L * trades.size() + 1;
        StatisticsInput in = new StatisticsInput("p", PositionMode.ONE_WAY, fills,
                List.of(new FundingPayment(end - 1, funding)), List.of(new PricePoint(end, last)), List.of(), List.of(),
                List.of(), BigDecimal.ZERO);

        GridStatistics s = StatisticsCalculator.compute(in, Period.ALL, end);

        BigDecimal expected = cash.add(funding).add(position.multiply(last));
        assertThat(s.totalPnl().subtract(expected).abs()).isLessThan(new BigDecimal("1e-12"));
        assertThat(s.currentPosition()).isEqualByComparingTo(position);
    }
}
