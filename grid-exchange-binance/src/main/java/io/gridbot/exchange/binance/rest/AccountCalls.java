package io.gridbot.exchange.binance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.wire.BalanceWire;
import io.gridbot.exchange.binance.wire.PositionRiskWire;
import io.gridbot.exchange.binance.wire.UserTradeWire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account endpoints as typed calls: positions ({@code positionRisk}), balances, the account's trades
 * ({@code userTrades}, every page) and its position mode, each answering with Binance's own records.
 */
public final class AccountCalls {

    /** Binance serves at most seven days of trades from a start time. */
    private static final long TRADE_HISTORY_SPAN_MS = 7L * 24 * 3_600_000 - 60_000;
    private static final int TRADE_PAGE = 1000;

    private final BinanceRestClient rest;
    private final WireReader wire;

    public AccountCalls(BinanceRestClient rest, WireReader wire) {
        this.rest = rest;
        this.wire = wire;
    }

    public List<PositionRiskWire> positions(String symbol) throws ExchangeException {
        return wire.readList(rest.call(Endpoint.POSITION_RISK, Map.of("symbol", symbol)), PositionRiskWire.class);
    }

    public List<BalanceWire> balances() throws ExchangeException {
        return wire.readList(rest.call(Endpoint.BALANCE, Map.of()), BalanceWire.class);
    }

    /**
     * The symbol's trades since {@code fromMs}, as far back as the venue serves them, in the venue's order; pages
     * by trade id until a page comes back short.
     */
    public List<UserTradeWire> trades(String symbol, long fromMs) throws ExchangeException {
        long start = Math.max(fromMs, rest.clock().nowMs() - TRADE_HISTORY_SPAN_MS);
        List<UserTradeWire> all = new ArrayList<>();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", symbol);
        params.put("startTime", Long.toString(start));
        params.put("limit", Integer.toString(TRADE_PAGE));
        while (true) {
            List<UserTradeWire> page = wire.readList(rest.call(Endpoint.USER_TRADES, params), UserTradeWire.class);
            all.addAll(page);
            if (page.size() < TRADE_PAGE) {
                return all;
            }
            params.remove("startTime");
            params.put("fromId", Long.toString(page.getLast().id() + 1));
        }
    }

    /**
     * {@code GET /fapi/v1/positionSide/dual}: whether the account is in hedge mode; empty when the answer does
     * not say.
     */
    public Optional<Boolean> hedgeMode() throws ExchangeException {
        JsonNode dual = rest.call(Endpoint.POSITION_MODE, Map.of()).get("dualSidePosition");
        return dual == null || !dual.isBoolean() ? Optional.empty() : Optional.of(dual.booleanValue());
    }

    /**
     * {@code POST /fapi/v1/positionSide/dual}: switches the account to hedge mode ({@code true}) or one-way mode.
     * Binance refuses with -4059 when the account is in that mode, -4067 with open orders, -4068 with a position.
     */
    public void changeHedgeMode(boolean hedge) throws ExchangeException {
        rest.call(Endpoint.CHANGE_POSITION_MODE, Map.of("dualSidePosition", Boolean.toString(hedge)));
    }
}
