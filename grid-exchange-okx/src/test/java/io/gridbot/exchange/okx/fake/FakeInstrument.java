package io.gridbot.exchange.okx.fake;

import io.gridbot.core.market.SymbolRules;
import java.math.BigDecimal;

/**
 * A swap the fake OKX lists, in OKX's own terms: tick, lot and minimum size in contracts, and the base asset in
 * one contract. The simulator behind the fake trades the base asset, so its rules are these in base terms.
 *
 * @param instId the instrument, e.g. {@code BTC-USDT-SWAP}
 * @param tickSz the price tick
 * @param lotSz  the contract increment of an order
 * @param minSz  the smallest order in contracts
 * @param ctVal  the base asset in one contract
 */
public record FakeInstrument(String instId, BigDecimal tickSz, BigDecimal lotSz, BigDecimal minSz, BigDecimal ctVal) {

    /** A BTC swap shaped like OKX's: tick 0.1, lots of 0.01 contracts of 0.01 BTC each. */
    public static final FakeInstrument BTC_USDT_SWAP = new FakeInstrument("BTC-USDT-SWAP", new BigDecimal("0.1"),
            new BigDecimal("0.01"), new BigDecimal("0.01"), new BigDecimal("0.01"));

    /** An ETH swap in whole contracts of 0.1 ETH, tick 0.01. */
    public static final FakeInstrument ETH_USDT_SWAP = new FakeInstrument("ETH-USDT-SWAP", new BigDecimal("0.01"),
            BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("0.1"));

    /** The base asset, e.g. {@code BTC}. */
    public String baseCcy() {
        return instId.substring(0, instId.indexOf('-'));
    }

    /** The simulator's rules: the same instrument in base-asset quantities, no minimum notional, 500 pending orders. */
    SymbolRules simRules() {
        return new SymbolRules(instId, tickSz, lotSz.multiply(ctVal).stripTrailingZeros(),
                minSz.multiply(ctVal).stripTrailingZeros(), BigDecimal.ZERO, 500);
    }

    /** The base quantity of a number of contracts. */
    BigDecimal base(BigDecimal contracts) {
        return contracts.multiply(ctVal).stripTrailingZeros();
    }

    /** The contracts of a base quantity (exact: the simulator only holds whole lots). */
    BigDecimal contracts(BigDecimal base) {
        return base.divide(ctVal).stripTrailingZeros();
    }
}
