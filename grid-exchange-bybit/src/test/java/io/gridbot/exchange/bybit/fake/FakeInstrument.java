package io.gridbot.exchange.bybit.fake;

import io.gridbot.core.market.SymbolRules;
import java.math.BigDecimal;

/**
 * A linear perpetual the fake Bybit lists, in Bybit's own terms: price tick, quantity step and minimum in the base
 * coin, and the minimum notional in USDT. The simulator behind the fake trades the same quantities.
 *
 * @param symbol           the symbol, e.g. {@code BTCUSDT}
 * @param tickSize         the price tick
 * @param qtyStep          the quantity step
 * @param minOrderQty      the smallest order
 * @param minNotionalValue the smallest order value
 */
public record FakeInstrument(String symbol, BigDecimal tickSize, BigDecimal qtyStep, BigDecimal minOrderQty,
        BigDecimal minNotionalValue) {

    /** A BTC perpetual shaped like Bybit's: tick 0.10, step and minimum 0.001 BTC, at least 5 USDT. */
    public static final FakeInstrument BTCUSDT = new FakeInstrument("BTCUSDT", new BigDecimal("0.10"),
            new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("5"));

    /** An ETH perpetual: tick 0.01, step and minimum 0.01 ETH, at least 5 USDT. */
    public static final FakeInstrument ETHUSDT = new FakeInstrument("ETHUSDT", new BigDecimal("0.01"),
            new BigDecimal("0.01"), new BigDecimal("0.01"), new BigDecimal("5"));

    /** The base coin, e.g. {@code BTC}. */
    public String baseCoin() {
        return symbol.substring(0, symbol.length() - "USDT".length());
    }

    /** The simulator's rules: the same contract, Bybit's 500 active orders a symbol. */
    SymbolRules simRules() {
        return new SymbolRules(symbol, tickSize, qtyStep, minOrderQty, minNotionalValue, 500);
    }
}
