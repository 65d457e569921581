package io.gridbot.exchange.binance.rest;

import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.wire.ExchangeInfo;
import java.util.Map;

/** The public market-data endpoints as typed calls: {@code exchangeInfo} (rate limits and symbol filters). */
public final class MarketDataCalls {

    private final BinanceRestClient rest;
    private final WireReader wire;

    public MarketDataCalls(BinanceRestClient rest, WireReader wire) {
        this.rest = rest;
        this.wire = wire;
    }

    public ExchangeInfo exchangeInfo() throws ExchangeException {
        return wire.read(rest.call(Endpoint.EXCHANGE_INFO, Map.of()), ExchangeInfo.class);
    }
}
