package io.gridbot.exchange.binance;

import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.limits.RequestBudget;
import io.gridbot.exchange.binance.rest.ErrorClassifier;
import io.gridbot.exchange.binance.rest.MarketDataCalls;
import io.gridbot.exchange.binance.wire.BinanceSymbolRules;
import io.gridbot.exchange.binance.wire.ExchangeInfo;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The symbols the venue lists and their filters, from {@code exchangeInfo}, which also gives the budget the
 * venue's own rate limits. A symbol not known yet is looked up again once (it may be listed since).
 */
final class ListedSymbols {

    private final MarketDataCalls market;
    private final RequestBudget budget;
    private final Map<String, BinanceSymbolRules> rules = new ConcurrentHashMap<>();

    ListedSymbols(MarketDataCalls market, RequestBudget budget) {
        this.market = market;
        this.budget = budget;
    }

    void load() throws ExchangeException {
        ExchangeInfo info = market.exchangeInfo();
        budget.useLimits(info.limits());
        for (ExchangeInfo.SymbolEntry s : info.symbols()) {
            info.rules(s.symbol()).ifPresent(r -> rules.put(s.symbol(), r));
        }
    }

    BinanceSymbolRules rules(String symbol) throws ExchangeException {
        BinanceSymbolRules r = rules.get(symbol);
        if (r == null) {
            load(); // listed since we started?
            r = rules.get(symbol);
        }
        if (r == null) {
            throw ErrorClassifier.unknownSymbol();
        }
        return r;
    }
}
