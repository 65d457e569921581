package io.gridbot.exchange.bybit.wire;

import io.gridbot.core.market.SymbolRules;
import java.math.BigDecimal;

/**
 * A linear perpetual's rules: the core's view (tick, step, minimum quantity and notional, Bybit's 500 active orders a
 * symbol) plus what it does not model.
 *
 * @param core           the rules the core snaps with
 * @param status         Bybit's status ({@code Trading} when it trades)
 * @param maxOrderQty    the largest limit order
 * @param maxMktOrderQty the largest market order
 */
public record BybitSymbolRules(SymbolRules core, String status, BigDecimal maxOrderQty, BigDecimal maxMktOrderQty) {
}
