package io.gridbot.exchange.bybit.wire;

import java.math.BigDecimal;

/**
 * One entry of {@code GET /v5/market/instruments-info?category=linear}: a contract's type, status and filters.
 *
 * @param priceFilter   {@code tickSize}, {@code minPrice}, {@code maxPrice}
 * @param lotSizeFilter {@code qtyStep}, {@code minOrderQty}, {@code maxOrderQty}, {@code maxMktOrderQty},
 *                      {@code minNotionalValue}, all in the base coin (and USDT for the notional)
 */
public record InstrumentWire(String symbol, String contractType, String status, String baseCoin, String quoteCoin,
        String settleCoin, PriceFilter priceFilter, LotSizeFilter lotSizeFilter) {

    /** The price filter. */
    public record PriceFilter(BigDecimal tickSize, BigDecimal minPrice, BigDecimal maxPrice) {
    }

    /** The quantity filter. */
    public record LotSizeFilter(BigDecimal qtyStep, BigDecimal minOrderQty, BigDecimal maxOrderQty,
            BigDecimal maxMktOrderQty, BigDecimal minNotionalValue) {
    }
}
