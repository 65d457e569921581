package io.gridbot.core.stoploss;

import io.gridbot.core.risk.PositionLegs;
import java.math.BigDecimal;

/**
 * What a stop-loss did: when and at what price it fired, the position it closed, the average close
 * price and the slippage against the trigger price.
 *
 * @param gridName      the grid
 * @param triggeredAtMs when the trigger price was seen
 * @param triggerPrice  the price that crossed the stop line
 * @param stopLine      the stop line that was crossed
 * @param reason        why it fired (which line, or the venue-side stop)
 * @param position      the signed net position at the trigger
 * @param closePrice    the average price of the closing fills, {@code null} if nothing needed closing
 * @param closedAtMs    when the position was flat
 * @param slippage      adverse distance of the close from the trigger price per unit (positive is a loss)
 * @param slippageCost  slippage times the closed quantity, in the quote asset
 * @param legs          the position at the trigger leg by leg: the net alone in one-way mode, the long and the short
 *                      leg in hedge mode ({@code position} is their sum)
 */
public record StopLossReport(
        String gridName,
        long triggeredAtMs,
        BigDecimal triggerPrice,
        BigDecimal stopLine,
        String reason,
        BigDecimal position,
        BigDecimal closePrice,
        long closedAtMs,
        BigDecimal slippage,
        BigDecimal slippageCost,
        PositionLegs legs) {

    public StopLossReport {
        if (legs == null) {
            legs = PositionLegs.oneWay(position);
        }
    }

    /** A one-way grid's report: its legs are the net alone. */
    public StopLossReport(String gridName, long triggeredAtMs, BigDecimal triggerPrice, BigDecimal stopLine, String reason,
            BigDecimal position, BigDecimal closePrice, long closedAtMs, BigDecimal slippage, BigDecimal slippageCost) {
        this(gridName, triggeredAtMs, triggerPrice, stopLine, reason, position, closePrice, closedAtMs, slippage,
                slippageCost, PositionLegs.oneWay(position));
    }
}
