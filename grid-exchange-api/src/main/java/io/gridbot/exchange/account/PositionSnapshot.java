package io.gridbot.exchange.account;

import io.gridbot.core.order.PositionSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One position leg on one symbol: in one-way mode the symbol's single net position ({@code BOTH}); in hedge mode
 * its {@code LONG} or its {@code SHORT} leg, which never net. The signs are Binance's {@code positionAmt}: a
 * {@code LONG} leg's quantity is zero or positive, a {@code SHORT} leg's zero or negative.
 *
 * @param symbol        the symbol
 * @param netQty        signed: positive long, negative short
 * @param entryPrice    the average entry price, zero when flat
 * @param unrealizedPnl at the venue's mark price
 * @param atMs          the venue's time
 * @param positionSide  the leg: {@code BOTH} in one-way mode, {@code LONG} or {@code SHORT} in hedge mode
 */
public record PositionSnapshot(String symbol, BigDecimal netQty, BigDecimal entryPrice, BigDecimal unrealizedPnl,
        long atMs, PositionSide positionSide) {

    public PositionSnapshot {
        Objects.requireNonNull(positionSide, "positionSide");
    }

    /** A one-way position ({@code BOTH}): what every snapshot was before hedge mode, so older callers read the same. */
    public PositionSnapshot(String symbol, BigDecimal netQty, BigDecimal entryPrice, BigDecimal unrealizedPnl,
            long atMs) {
        this(symbol, netQty, entryPrice, unrealizedPnl, atMs, PositionSide.BOTH);
    }
}
