package io.gridbot.exchange.sim;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.exchange.account.Balance;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.sim.BookListener.Liquidity;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated cross-margin account: the wallet, each symbol's position and leverage, maker and taker fees,
 * funding payments, the margin that open positions and resting entries tie up, and the equity and
 * maintenance margin a liquidation is decided on. Every position is marked at its book's last price.
 *
 * <p>The position mode is account-wide, as on Binance. One-way mode keeps one net position a symbol
 * ({@code positions}); hedge mode a long and a short leg ({@code longs}, {@code shorts}) that never net, each
 * with its own entry price, realized PnL and margin, summed into the account's equity and maintenance margin.
 * The mode changes only while every leg is flat, so the legs of the other mode are always flat.
 */
final class SimAccount {

    private static final MathContext MATH = MathContext.DECIMAL128;

    private final SimSettings settings;
    private final Map<String, OrderBook> books;
    final Map<String, SimPosition> positions = new HashMap<>();
    final Map<String, SimPosition> longs = new HashMap<>();
    final Map<String, SimPosition> shorts = new HashMap<>();
    PositionMode mode = PositionMode.ONE_WAY;
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

    /** A leg of the symbol: {@code BOTH} is the one-way position. */
    SimPosition position(String symbol, PositionSide side) {
        return switch (side) {
            case BOTH -> position(symbol);
            case LONG -> longs.computeIfAbsent(symbol, s -> new SimPosition());
            case SHORT -> shorts.computeIfAbsent(symbol, s -> new SimPosition());
        };
    }

    boolean hedged() {
        return mode == PositionMode.HEDGE;
    }

    /** The sides the account's mode keeps: BOTH, or LONG then SHORT. */
    List<PositionSide> sides() {
        return hedged() ? List.of(PositionSide.LONG, PositionSide.SHORT) : List.of(PositionSide.BOTH);
    }

    /** Whether any leg of any symbol, in either mode, holds a quantity. */
    boolean holdsAnyPosition() {
        for (Map<String, SimPosition> legs : List.of(positions, longs, shorts)) {
            for (SimPosition p : legs.values()) {
                if (p.qty.signum() != 0) {
                    return true;
                }
            }
        }
        return false;
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
    BigDecimal fill(String symbol, Side side, PositionSide leg, BigDecimal qty, BigDecimal price, Liquidity liquidity) {
        BigDecimal rate = liquidity == Liquidity.MAKER ? settings.makerFeeRate() : settings.takerFeeRate();
        BigDecimal fee = price.multiply(qty).multiply(rate).setScale(8, RoundingMode.HALF_UP);
        BigDecimal realized = position(symbol, leg).book(side, qty, price);
        wallet = wallet.add(realized).subtract(fee);
        return fee;
    }

    /**
     * Books the venue's liquidation of {@code qty} at {@code price}, charged the liquidation fee on the closed
     * notional, but never more than the equity left after the close: as on Binance, the fee comes out of what
     * remains of the margin, so a liquidated account ends at zero rather than owing it. Returns the fee.
     */
    BigDecimal liquidate(String symbol, Side side, PositionSide leg, BigDecimal qty, BigDecimal price) {
        BigDecimal full = price.multiply(qty).multiply(settings.margin().liquidationFeeRate())
                .setScale(8, RoundingMode.HALF_UP);
        wallet = wallet.add(position(symbol, leg).book(side, qty, price));
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
        if (hedged()) {
            BigDecimal longQty = position(symbol, PositionSide.LONG).qty;
            BigDecimal shortQty = position(symbol, PositionSide.SHORT).qty;
            if (longQty.signum() == 0 && shortQty.signum() == 0) {
                return null;
            }
            // each leg pays or receives on its own; the sum is what the wallet sees
            BigDecimal received = longQty.multiply(mark).multiply(rate).negate()
                    .add(shortQty.multiply(mark).multiply(rate).negate());
            wallet = wallet.add(received);
            return received;
        }
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
            BigDecimal held = p.qty.abs();
            unrealized = unrealized.add(p.unrealizedAt(b.last));
            if (hedged()) {
                SimPosition l = position(b.symbol, PositionSide.LONG);
                SimPosition s = position(b.symbol, PositionSide.SHORT);
                unrealized = unrealized.add(l.unrealizedAt(b.last)).add(s.unrealizedAt(b.last));
                held = held.add(l.qty.abs()).add(s.qty.abs()); // each leg ties its own margin
            }
            BigDecimal tied = held.multiply(b.last).add(b.orderMargin());
            margin = margin.add(tied.divide(leverage(b.symbol), MATH));
        }
        return wallet.add(unrealized).subtract(margin);
    }

    /** The wallet plus every position's unrealized PnL: what a liquidation is decided on. */
    BigDecimal equity() {
        BigDecimal equity = wallet;
        for (OrderBook b : books.values()) {
            equity = equity.add(position(b.symbol).unrealizedAt(b.last));
            if (hedged()) {
                equity = equity.add(position(b.symbol, PositionSide.LONG).unrealizedAt(b.last))
                        .add(position(b.symbol, PositionSide.SHORT).unrealizedAt(b.last));
            }
        }
        return equity;
    }

    /** The sum of every position's maintenance margin at its mark; in hedge mode each leg's, on its own notional. */
    BigDecimal maintenanceMargin() {
        BigDecimal sum = BigDecimal.ZERO;
        for (OrderBook b : books.values()) {
            for (PositionSide side : sides()) {
                SimPosition p = position(b.symbol, side);
                if (p.qty.signum() != 0 && b.last != null) {
                    sum = sum.add(settings.margin().maintenanceMargin(p.qty.multiply(b.last)));
                }
            }
        }
        return sum;
    }

    /**
     * The price of {@code symbol} at which the account would reach its maintenance margin, the other positions
     * staying at their marks (Binance's cross-margin formula, see {@link MarginRules#liquidationPrice});
     * {@code null} when flat or when no price liquidates. In hedge mode {@code null} always: the formula is for
     * one position, and the simulator does not solve it for two legs (its liquidation checks equity directly).
     */
    BigDecimal liquidationPrice(String symbol) {
        if (hedged()) {
            return null;
        }
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

    /**
     * The symbol's position: the one-way one, or in hedge mode the legs netted (quantity and unrealized PnL summed,
     * the entry price of the only open leg, zero when both or neither are open).
     */
    PositionSnapshot snapshot(String symbol, BigDecimal mark, long nowMs) {
        if (!hedged()) {
            SimPosition p = position(symbol);
            return new PositionSnapshot(symbol, p.qty, p.entry, p.unrealizedAt(mark), nowMs);
        }
        SimPosition l = position(symbol, PositionSide.LONG);
        SimPosition s = position(symbol, PositionSide.SHORT);
        BigDecimal entry = l.qty.signum() != 0 && s.qty.signum() == 0 ? l.entry
                : s.qty.signum() != 0 && l.qty.signum() == 0 ? s.entry : BigDecimal.ZERO;
        return new PositionSnapshot(symbol, l.qty.add(s.qty), entry, l.unrealizedAt(mark).add(s.unrealizedAt(mark)),
                nowMs);
    }

    /** The symbol's legs as the venue reports them: BOTH in one-way mode, LONG then SHORT in hedge mode. */
    List<PositionSnapshot> snapshots(String symbol, BigDecimal mark, long nowMs) {
        if (!hedged()) {
            return List.of(snapshot(symbol, mark, nowMs));
        }
        return List.of(leg(symbol, PositionSide.LONG, mark, nowMs), leg(symbol, PositionSide.SHORT, mark, nowMs));
    }

    private PositionSnapshot leg(String symbol, PositionSide side, BigDecimal mark, long nowMs) {
        SimPosition p = position(symbol, side);
        return new PositionSnapshot(symbol, p.qty, p.entry, p.unrealizedAt(mark), nowMs, side);
    }
}
