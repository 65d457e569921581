package io.gridbot.exchange.sim;

import io.gridbot.core.order.Side;
import io.gridbot.exchange.account.Balance;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.sim.BookListener.Liquidity;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * The simulated cross-margin account: the wallet, each symbol's position, maker and taker fees, funding
 * payments, and the margin that open positions and resting entries tie up at the configured leverage.
 */
final class SimAccount {

    private static final MathContext MATH = MathContext.DECIMAL128;

    private final SimSettings settings;
    private final Map<String, OrderBook> books;
    final Map<String, SimPosition> positions = new HashMap<>();
    BigDecimal wallet;

    /** @param books the venue's books, read for marks and the margin of resting orders */
    SimAccount(SimSettings settings, Map<String, OrderBook> books) {
        this.settings = settings;
        this.books = books;
        this.wallet = settings.initialBalance();
    }

    SimPosition position(String symbol) {
        return positions.computeIfAbsent(symbol, s -> new SimPosition());
    }

    /** Books a fill: the position moves, the wallet takes the realized PnL less the fee; returns the fee. */
    BigDecimal fill(String symbol, Side side, BigDecimal qty, BigDecimal price, Liquidity liquidity) {
        BigDecimal rate = liquidity == Liquidity.MAKER ? settings.makerFeeRate() : settings.takerFeeRate();
        BigDecimal fee = price.multiply(qty).multiply(rate).setScale(8, RoundingMode.HALF_UP);
        BigDecimal realized = position(symbol).book(side, qty, price);
        wallet = wallet.add(realized).subtract(fee);
        return fee;
    }

    /**
     * A funding settlement: the position pays or receives {@code position × mark × rate} (a positive rate makes
     * longs pay shorts). Returns false when there is no position, so nothing was paid.
     */
    boolean settleFunding(String symbol, BigDecimal mark, BigDecimal rate) {
        SimPosition p = position(symbol);
        if (p.qty.signum() == 0) {
            return false;
        }
        wallet = wallet.add(p.qty.multiply(mark).multiply(rate).negate());
        return true;
    }

    /** Whether an entry of {@code qty} at {@code price} needs more initial margin than is available. */
    boolean cannotAfford(BigDecimal price, BigDecimal qty) {
        return price.multiply(qty).divide(settings.leverage(), MATH).compareTo(available()) > 0;
    }

    /** The wallet plus unrealized PnL, less the margin of positions and resting entries. */
    BigDecimal available() {
        BigDecimal unrealized = BigDecimal.ZERO;
        BigDecimal margin = BigDecimal.ZERO;
        for (OrderBook b : books.values()) {
            if (b.last == null) {
                continue;
            }
            SimPosition p = position(b.symbol);
            unrealized = unrealized.add(p.unrealizedAt(b.last));
            margin = margin.add(p.qty.abs().multiply(b.last)).add(b.orderMargin());
        }
        return wallet.add(unrealized).subtract(margin.divide(settings.leverage(), MATH));
    }

    Balance balance() {
        return new Balance(settings.quoteAsset(), wallet, available());
    }

    PositionSnapshot snapshot(String symbol, BigDecimal mark, long nowMs) {
        SimPosition p = position(symbol);
        return new PositionSnapshot(symbol, p.qty, p.entry, p.unrealizedAt(mark), nowMs);
    }
}
