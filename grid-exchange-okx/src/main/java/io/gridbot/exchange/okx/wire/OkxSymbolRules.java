package io.gridbot.exchange.okx.wire;

import io.gridbot.core.market.SymbolRules;
import java.math.BigDecimal;

/**
 * An OKX swap's rules: the core's rules in base-asset terms (the tick, a lot's worth of the base asset as the
 * step, the minimum size in the base asset, no minimum notional, the per-instrument cap on pending orders), the
 * contract conversion every quantity goes through, and the bounds the core does not model.
 *
 * @param core               what the core snaps prices and base quantities with
 * @param contracts          the contract value, lot and minimum size
 * @param state              {@code live}, {@code suspend}, {@code preopen}, …
 * @param maxLimitContracts  the largest limit order, in contracts ({@code maxLmtSz}), {@code null} when unstated
 * @param maxMarketContracts the largest market order, in contracts ({@code maxMktSz}), {@code null} when unstated
 */
public record OkxSymbolRules(SymbolRules core, ContractSize contracts, String state, BigDecimal maxLimitContracts,
        BigDecimal maxMarketContracts) {
}
