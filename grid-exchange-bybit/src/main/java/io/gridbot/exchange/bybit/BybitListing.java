package io.gridbot.exchange.bybit;

import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.bybit.rest.InstrumentCalls;
import io.gridbot.exchange.bybit.wire.BybitSymbolRules;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contracts in use and their rules, each looked up once ({@code GET /v5/market/instruments-info}) and kept: every
 * order is checked against its tick and step before it is sent. Looking a symbol up puts it in use.
 */
final class BybitListing {

    private final InstrumentCalls instruments;
    private final Set<String> symbols;
    private final Map<String, BybitSymbolRules> rules = new ConcurrentHashMap<>();

    /** @param symbols every contract in use, which this adds to */
    BybitListing(InstrumentCalls instruments, Set<String> symbols) {
        this.instruments = instruments;
        this.symbols = symbols;
    }

    BybitSymbolRules rules(String symbol) throws ExchangeException {
        BybitSymbolRules known = rules.get(symbol);
        if (known != null) {
            return known;
        }
        BybitSymbolRules found = instruments.rules(symbol);
        rules.put(symbol, found);
        symbols.add(symbol);
        return found;
    }
}
