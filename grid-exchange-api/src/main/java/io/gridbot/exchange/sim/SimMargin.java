package io.gridbot.exchange.sim;

import io.gridbot.exchange.Subscription;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The simulated account's margin, as a client sees and sets it: the leverage of each symbol, the equity and
 * maintenance margin a liquidation is decided on, each position's liquidation price, and the liquidations
 * themselves. Reads and writes go under the venue's lock; see {@link MarginRules} for the brackets and
 * {@link Liquidator} for what a liquidation does.
 */
public final class SimMargin {

    private final Object lock;
    private final SimAccount account;
    private final List<Consumer<Liquidation>> listeners = new CopyOnWriteArrayList<>();

    SimMargin(Object lock, SimAccount account) {
        this.lock = lock;
        this.account = account;
    }

    /**
     * Sets a symbol's leverage, as a client would on the venue: initial margin is notional / leverage. It may
     * not exceed the largest leverage of the margin brackets (125 for Binance's BTCUSDT).
     */
    public SimMargin leverage(String symbol, BigDecimal leverage) {
        int most = account.margin().tiers().get(0).maxLeverage();
        if (leverage.compareTo(BigDecimal.ONE) < 0 || leverage.compareTo(BigDecimal.valueOf(most)) > 0) {
            throw new IllegalArgumentException("leverage must be from 1 to " + most + ", not " + leverage.toPlainString());
        }
        synchronized (lock) {
            account.leverage(symbol, leverage);
        }
        return this;
    }

    /** The symbol's leverage: the settings' unless one was set for it. */
    public BigDecimal leverage(String symbol) {
        synchronized (lock) {
            return account.leverage(symbol);
        }
    }

    /** The brackets and the liquidation fee the venue applies. */
    public MarginRules rules() {
        return account.margin();
    }

    /** The wallet plus the unrealized PnL of every position at its last price. */
    public BigDecimal equity() {
        synchronized (lock) {
            return account.equity();
        }
    }

    /** The sum of the positions' maintenance margins: the equity must stay at or above it. */
    public BigDecimal maintenanceMargin() {
        synchronized (lock) {
            return account.maintenanceMargin();
        }
    }

    /**
     * The price of {@code symbol} at which the account would be liquidated, the other positions staying at
     * their last prices; {@code null} when flat or when no price liquidates it.
     */
    public BigDecimal liquidationPrice(String symbol) {
        synchronized (lock) {
            return account.liquidationPrice(symbol);
        }
    }

    /**
     * Hears of every forced liquidation, on the thread of the trade or funding call that caused it, before any
     * event of that call is delivered on the streams: a host that runs the venue (a replay) learns of it before
     * its grid hears of the cancellations and the fill.
     */
    public Subscription watchLiquidations(Consumer<Liquidation> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Tells the listeners, outside the venue's lock. */
    void announce(List<Liquidation> liquidations) {
        for (Liquidation l : liquidations) {
            listeners.forEach(listener -> listener.accept(l));
        }
    }
}
