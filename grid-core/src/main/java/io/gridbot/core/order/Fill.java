package io.gridbot.core.order;

import java.math.BigDecimal;

/**
 * One execution of a grid order, as the core books it: the row of the fill ledger.
 *
 * @param atMs            the venue's execution time
 * @param clientOrderId   the grid order's client id
 * @param exchangeOrderId the venue's order id
 * @param tradeId         the venue's trade id, {@code null} if unknown
 * @param kind            entry, exit, protective stop or close
 * @param side            buy or sell
 * @param line            the grid line (-1 for stop and close orders)
 * @param price           the execution price
 * @param qty             the executed quantity
 * @param fee             the fee charged, zero if unknown
 * @param feeAsset        the fee's asset, {@code null} if unknown
 * @param realizedPnl     profit of an exit against its entry's average price, before fees; zero for entries
 */
public record Fill(
        long atMs,
        String clientOrderId,
        String exchangeOrderId,
        String tradeId,
        ClientOrderId.Kind kind,
        Side side,
        int line,
        BigDecimal price,
        BigDecimal qty,
        BigDecimal fee,
        String feeAsset,
        BigDecimal realizedPnl) {

    /**
     * The leg the fill belongs to, from its kind and side alone: a buy entry and any sell that exits, stops or
     * closes are the long leg's; a sell entry and any buy that exits, stops or closes are the short leg's. Never
     * {@code BOTH}: in one-way mode it says which of a neutral grid's directions the fill traded.
     */
    public PositionSide leg() {
        boolean opens = kind == ClientOrderId.Kind.ENTRY;
        return (side == Side.BUY) == opens ? PositionSide.LONG : PositionSide.SHORT;
    }
}
