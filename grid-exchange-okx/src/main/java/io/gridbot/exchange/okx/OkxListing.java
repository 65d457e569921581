package io.gridbot.exchange.okx;

import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.okx.rest.InstrumentCalls;
import io.gridbot.exchange.okx.wire.ContractSize;
import io.gridbot.exchange.okx.wire.OkxSymbolRules;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The swaps in use and their rules, each looked up once ({@code GET /api/v5/public/instruments}) and kept: every
 * order and every answer crosses its {@link ContractSize}.
 */
final class OkxListing {

    private final InstrumentCalls instruments;
    private final Map<String, OkxSymbolRules> rules = new ConcurrentHashMap<>();

    OkxListing(InstrumentCalls instruments) {
        this.instruments = instruments;
    }

    OkxSymbolRules rules(String instId) throws ExchangeException {
        OkxSymbolRules known = rules.get(instId);
        if (known != null) {
            return known;
        }
        OkxSymbolRules found = instruments.rules(instId);
        rules.put(instId, found);
        return found;
    }

    ContractSize size(String instId) throws ExchangeException {
        return rules(instId).contracts();
    }
}
