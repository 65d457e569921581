package io.gridbot.exchange.binance.wire;

import io.gridbot.core.market.SymbolRules;
import java.math.BigDecimal;

/**
 * A symbol's filters: the core's rules (PRICE_FILTER tick, LOT_SIZE step and minimum, MIN_NOTIONAL,
 * MAX_NUM_ORDERS) plus the bounds the core does not model, which the adapter checks itself.
 *
 * @param core           what the core snaps prices and quantities with
 * @param status         TRADING, BREAK, …
 * @param minPrice       PRICE_FILTER minimum, {@code null} or 0 when disabled
 * @param maxPrice       PRICE_FILTER maximum, {@code null} or 0 when disabled
 * @param maxQty         LOT_SIZE maximum
 * @param marketMinQty   MARKET_LOT_SIZE minimum
 * @param marketMaxQty   MARKET_LOT_SIZE maximum
 * @param marketStepSize MARKET_LOT_SIZE step
 */
public record BinanceSymbolRules(SymbolRules core, String status, BigDecimal minPrice, BigDecimal maxPrice,
        BigDecimal maxQty, BigDecimal marketMinQty, BigDecimal marketMaxQty, BigDecimal marketStepSize) {
}
