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
 * The simulated cross-margin account: the wallet, each symbol's position and leverage, maker and taker fees,
 * funding payments, the margin that open positions and resting entries tie up, and the equity and
 * maintenance margin a liquidation is decided on. Every position is marked at its book's last price.
 */
final class SimAccount {

    private static final MathContext MATH = MathContext.DECIMAL128;

    private final SimSettings settings;
    private final Map<String, OrderBook> books;
    final Map<String, SimPosition> positions = new HashMap<>();
    private final Map<String, BigDecimal> leverage = new HashMap<>();
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

    MarginRules margin() {
        return settings.margin();
    }

    /** The symbol's leverage: the settings' unless one was set for it. */
    BigDecimal leverage(String symbol) {
        return leverage.getOrDefault(symbol, settings.leverage());
    }

    void leverage(String symbol, BigDecimal value) {
        leverage.put(symbol, value);
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
     * Books the venue's liquidation of {@code qty} at {@code price}, charged the liquidation fee on the closed
     * notional, but never more than the equity left after the close: as on Binance, the fee comes out of what
     * remains of the margin, so a liquidated account ends at zero rather than owing it. Returns the fee.
     */
    BigDecimal liquidate(String symbol, Side side, BigDecimal qty, BigDecimal price) {
        BigDecimal full = price.multiply(qty).multiply(settings.margin().liquidationFeeRate())
                .setScale(8, RoundingMode.HALF_UP);
        wallet = wallet.add(position(symbol).book(side, qty, price));
        BigDecimal fee = full.min(equity().max(BigDecimal.ZERO).setScale(8, RoundingMode.DOWN));
        wallet = wallet.subtract(fee);
        return fee;
    }

    /**
     * A funding settlement: the position pays or receives {@code position × mark × rate} (a positive rate makes
     * longs pay shorts). Returns what the account received (negative when it paid), or {@code null} when there
     * is no position, so nothing was paid.
     */
    BigDecimal settleFunding(String symbol, BigDecimal mark, BigDecimal rate) {
        SimPosition p = position(symbol);
        if (p.qty.signum() == 0) {
            return null;
        }
        BigDecimal received = p.qty.multiply(mark).multiply(rate).negate();
        wallet = wallet.add(received);
        return received;
    }

    /** Whether an entry of {@code qty} at {@code price} needs more initial margin than is available. */
    boolean cannotAfford(String symbol, BigDecimal price, BigDecimal qty) {
        return price.multiply(qty).divide(leverage(symbol), MATH).compareTo(available()) > 0;
    }

    /** The wallet plus unrealized PnL, less the initial margin of positions and resting entries. */
    BigDecimal available() {
        BigDecimal unrealized = BigDecimal.ZERO;
        BigDecimal margin = BigDecimal.ZERO;
        for (OrderBook b : books.values()) {
            if (b.last == null) {
                continue;
            }
            SimPosition p = position(b.symbol);
            unrealized = unrealized.add(p.unrealizedAt(b.last));
            BigDecimal tied = p.qty.abs().multiply(b.last).add(b.orderMargin());
            margin = margin.add(tied.divide(leverage(b.symbol), MATH));
        }
        return wallet.add(unrealized).subtract(margin);
    }

    /** The wallet plus every position's unrealized PnL: what a liquidation is decided on. */
    BigDecimal equity() {
        BigDecimal equity = wallet;
        for (OrderBook b : books.values()) {
            equity = equity.add(position(b.symbol).unrealizedAt(b.last));
        }
        return equity;
    }

    /** The sum of every position's maintenance margin at its mark. */
    BigDecimal maintenanceMargin() {
        BigDecimal sum = BigDecimal.ZERO;
        for (OrderBook b : books.values()) {
            SimPosition p = position(b.symbol);
            if (p.qty.signum() != 0 && b.last != null) {
                sum = sum.add(settings.margin().maintenanceMargin(p.qty.multiply(b.last)));
            }
        }
        return sum;
    }

    /**
     * The price of {@code symbol} at which the account would reach its maintenance margin, the other positions
     * staying at their marks (Binance's cross-margin formula, see {@link MarginRules#liquidationPrice});
     * {@code null} when flat or when no price liquidates.
     */
    BigDecimal liquidationPrice(String symbol) {
        BigDecimal rest = wallet;
        for (OrderBook b : books.values()) {
            SimPosition other = position(b.symbol);
            if (!b.symbol.equals(symbol) && other.qty.signum() != 0 && b.last != null) {
                rest = rest.add(other.unrealizedAt(b.last))
                        .subtract(settings.margin().maintenanceMargin(other.qty.multiply(b.last)));
            }
        }
        SimPosition p = position(symbol);
        return settings.margin().liquidationPrice(rest, p.qty, p.entry);
    }

    Balance balance() {
        return new Balance(settings.quoteAsset(), wallet, available());
    }

    PositionSnapshot snapshot(String symbol, BigDecimal mark, long nowMs) {
        SimPosition p = position(symbol);
        return new PositionSnapshot(symbol, p.qty, p.entry, p.unrealizedAt(mark), nowMs);
    }
}
