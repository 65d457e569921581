package io.gridbot.exchange.binance.rest;

import io.gridbot.exchange.ExchangeException;
import java.util.Map;

/**
 * The user-data stream's listen key ({@code /fapi/v1/listenKey}): create (which returns the active key,
 * extended, if there is one), keep alive, close. The key is a bearer credential of the stream: it is never
 * put in a message.
 */
public final class ListenKeyCalls {

    private final BinanceRestClient rest;

    public ListenKeyCalls(BinanceRestClient rest) {
        this.rest = rest;
    }

    /** The active key, or a new one; empty if the venue returned none. */
    public String create() throws ExchangeException {
        return rest.call(Endpoint.LISTEN_KEY_CREATE, Map.of()).path("listenKey").asText("");
    }

    public void keepAlive() throws ExchangeException {
        rest.call(Endpoint.LISTEN_KEY_KEEP_ALIVE, Map.of());
    }

    public void close() throws ExchangeException {
        rest.call(Endpoint.LISTEN_KEY_CLOSE, Map.of());
    }
}
