package io.gridbot.exchange.bybit.rest;

import io.gridbot.core.preview.MarginTable;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.bybit.wire.RiskLimitWire;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A contract's maintenance-margin tiers from Bybit's public risk limits ({@code GET /v5/market/risk-limit}). Bybit
 * pages that list by symbol, so one symbol's tiers come in one answer.
 */
public final class RiskLimitCalls {

    private static final Logger LOG = LoggerFactory.getLogger(RiskLimitCalls.class);

    private final BybitRestClient rest;
    private final WireReader wire;

    public RiskLimitCalls(BybitRestClient rest, WireReader wire) {
        this.rest = rest;
        this.wire = wire;
    }

    /**
     * The contract's tiers as brackets, named by {@code source}.
     *
     * @return empty when Bybit lists no tiers of such a linear contract (or answers that the symbol is invalid), or
     *         lists tiers that do not make a continuous table
     */
    public Optional<MarginTable> brackets(String symbol, String source) throws ExchangeException {
        List<RiskLimitWire> tiers;
        try {
            tiers = wire.list(rest.get(Endpoint.RISK_LIMIT, BybitRestClient.params("category", "linear", "symbol", symbol))
                    .result(), RiskLimitWire.class).stream().filter(t -> symbol.equals(t.symbol())).toList();
        } catch (ExchangeException e) {
            if (BybitErrorCode.PARAMETER_ERROR.is(e.venueCode())) {
                return Optional.empty();
            }
            throw e;
        }
        if (tiers.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RiskLimitWire.brackets(tiers, source));
        } catch (IllegalArgumentException e) {
            // a preview without a liquidation estimate is better than one built on tiers that contradict themselves
            LOG.warn("bybit's risk limits of {} are not a usable margin table: {}", symbol, e.getMessage());
            return Optional.empty();
        }
    }
}
