package io.gridbot.core.preview;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.order.Side;
import io.gridbot.core.risk.ExposureBudget;
import io.gridbot.core.spacing.GridLadder;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The largest position of one direction, by the position limit the grid itself applies ({@link ExposureBudget}):
 * the grid starts at the band's edge away from its entries (the top line for long, the bottom for short, the centre
 * line for neutral, which trades both ways from there), and its entries fill one by one, nearest first, while the
 * budget admits them.
 */
final class WorstCases {

    private static final MathContext MATH = GridPreviews.MATH;

    private WorstCases() {
    }

    static WorstCase of(WorstCase.Direction direction, GridLadder ladder, GridConfig c, PreviewRequest request) {
        boolean isLong = direction == WorstCase.Direction.LONG;
        int start = c.mode() == GridMode.NEUTRAL ? ladder.centreLine() : isLong ? ladder.size() - 1 : 0;
        ExposureBudget budget = new ExposureBudget(isLong ? Side.BUY : Side.SELL, c.maxPosition(), BigDecimal.ZERO);
        int entries = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (int line = start + (isLong ? -1 : 1); line >= 0 && line < ladder.size(); line += isLong ? -1 : 1) {
            if (!budget.tryCharge(c.orderQty())) {
                break;
            }
            entries++;
            cost = cost.add(ladder.price(line).multiply(c.orderQty()));
        }
        BigDecimal qty = budget.worstCase();
        BigDecimal average = entries == 0 ? BigDecimal.ZERO : cost.divide(qty, MATH);
        BigDecimal margin = cost.divide(request.leverage(), MATH);
        MarginTier tier = request.margins() == null ? null : request.margins().tierFor(cost);
        return new WorstCase(direction, entries, qty, average, cost, margin, tier,
                liquidation(isLong, qty, average, margin, tier));
    }

    /**
     * Isolated margin: long {@code (Q·E − M − cum) / (Q·(1 − mmr))}, short {@code (M + Q·E + cum) / (Q·(1 + mmr))}.
     */
    static Liquidation liquidation(boolean isLong, BigDecimal qty, BigDecimal average, BigDecimal margin,
            MarginTier tier) {
        if (tier == null || qty.signum() == 0) {
            return new Liquidation.Unknown();
        }
        BigDecimal value = qty.multiply(average);
        if (isLong) {
            BigDecimal top = value.subtract(margin).subtract(tier.amount());
            if (top.signum() <= 0) {
                return new Liquidation.Never();
            }
            return new Liquidation.At(top.divide(qty.multiply(BigDecimal.ONE.subtract(tier.rate())), MATH));
        }
        BigDecimal top = margin.add(value).add(tier.amount());
        return new Liquidation.At(top.divide(qty.multiply(BigDecimal.ONE.add(tier.rate())), MATH));
    }
}
