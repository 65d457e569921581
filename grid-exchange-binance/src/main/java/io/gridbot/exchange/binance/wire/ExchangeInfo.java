package io.gridbot.exchange.binance.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.gridbot.exchange.binance.limits.RateLimit;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** {@code GET /fapi/v1/exchangeInfo}: the venue's rate limits and each symbol's filters. */
public record ExchangeInfo(long serverTime, List<RateLimitEntry> rateLimits, List<SymbolEntry> symbols) {

    public ExchangeInfo {
        rateLimits = rateLimits == null ? List.of() : List.copyOf(rateLimits);
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
    }

    /** One entry of {@code rateLimits}. */
    public record RateLimitEntry(String rateLimitType, String interval, int intervalNum, int limit) {
        RateLimit toLimit() {
            long unit = switch (interval == null ? "" : interval) {
                case "SECOND" -> 1_000L;
                case "MINUTE" -> 60_000L;
                case "HOUR" -> 3_600_000L;
                default -> 86_400_000L;
            };
            return new RateLimit(rateLimitType, unit * Math.max(intervalNum, 1), limit);
        }
    }

    /** One symbol and its filters. */
    public record SymbolEntry(String symbol, String status, String contractType, String quoteAsset, List<Filter> filters) {
        public SymbolEntry {
            filters = filters == null ? List.of() : List.copyOf(filters);
        }

        /** Whether the adapter can trade it: a USDT-quoted perpetual, trading now. */
        public boolean tradable() {
            return "TRADING".equals(status) && "PERPETUAL".equals(contractType) && "USDT".equals(quoteAsset);
        }

        Optional<Filter> filter(String type) {
            return filters.stream().filter(f -> type.equals(f.filterType())).findFirst();
        }
    }

    /** A filter; which fields are set depends on its type. */
    public record Filter(@JsonProperty("filterType") String filterType, BigDecimal minPrice, BigDecimal maxPrice,
            BigDecimal tickSize, BigDecimal minQty, BigDecimal maxQty, BigDecimal stepSize, Integer limit,
            BigDecimal notional) {
    }

    /** The venue's limits in the budget's terms. */
    public List<RateLimit> limits() {
        return rateLimits.stream().map(RateLimitEntry::toLimit).toList();
    }

    /** The rules of one symbol, if listed. */
    public Optional<BinanceSymbolRules> rules(String symbol) {
        return symbols.stream().filter(s -> s.symbol().equals(symbol)).findFirst().map(NeutralMapper::rules);
    }
}
