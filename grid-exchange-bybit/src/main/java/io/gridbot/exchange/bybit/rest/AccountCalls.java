package io.gridbot.exchange.bybit.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.bybit.wire.ExecutionWire;
import io.gridbot.exchange.bybit.wire.PositionWire;
import io.gridbot.exchange.bybit.wire.WalletWire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The account endpoints as typed calls, each answering with Bybit's own records: a symbol's positions (listed flat
 * ones too when asked by symbol), the position-mode switch, the unified account's wallet, and the executions
 * ({@code /v5/execution/list}, seven days a query, page after page).
 */
public final class AccountCalls {

    /** Bybit answers an execution query of at most seven days. */
    public static final long EXECUTION_WINDOW_MS = 7L * 24 * 3600 * 1000;
    private static final int PAGE = 100;

    private final BybitRestClient rest;
    private final WireReader wire;

    public AccountCalls(BybitRestClient rest, WireReader wire) {
        this.rest = rest;
        this.wire = wire;
    }

    /** {@code GET /v5/position/list} of one symbol: one entry (index 0) in one-way mode, two (1 and 2) in hedge mode. */
    public List<PositionWire> positions(String symbol) throws ExchangeException {
        return wire.list(rest.get(Endpoint.POSITIONS, BybitRestClient.params("category", "linear", "symbol", symbol)).result(),
                PositionWire.class);
    }

    /**
     * {@code POST /v5/position/switch-mode} of one symbol, or of every USDT contract ({@code coin}) when
     * {@code symbol} is {@code null}: mode 0 merged single (one-way), 3 both sides (hedge). Bybit refuses a symbol
     * in that mode already (110025), with a position (110024) or with open orders (110028).
     */
    public void switchMode(String symbol, PositionMode mode) throws ExchangeException {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("category", "linear");
        if (symbol != null) {
            body.put("symbol", symbol);
        } else {
            body.put("coin", "USDT");
        }
        body.put("mode", mode == PositionMode.HEDGE ? 3 : 0);
        rest.post(Endpoint.SWITCH_MODE, body);
    }

    /** {@code GET /v5/account/wallet-balance?accountType=UNIFIED}: the unified trading account. */
    public WalletWire wallet() throws ExchangeException {
        List<WalletWire> accounts = wire.list(rest.get(Endpoint.WALLET, Map.of("accountType", "UNIFIED")).result(),
                WalletWire.class);
        return accounts.isEmpty() ? new WalletWire("UNIFIED", List.of()) : accounts.getFirst();
    }

    /** The symbol's executions from {@code fromMs} to {@code toMs}, a seven-day query at a time, each page by cursor. */
    public List<ExecutionWire> executions(String symbol, long fromMs, long toMs) throws ExchangeException {
        List<ExecutionWire> all = new ArrayList<>();
        for (long start = fromMs; start <= toMs; start += EXECUTION_WINDOW_MS) {
            long end = Math.min(toMs, start + EXECUTION_WINDOW_MS - 1);
            String cursor = "";
            do {
                Map<String, String> query = BybitRestClient.params("category", "linear", "symbol", symbol, "startTime",
                        Long.toString(start), "endTime", Long.toString(end), "limit", Integer.toString(PAGE));
                if (!cursor.isEmpty()) {
                    query.put("cursor", cursor);
                }
                JsonNode result = rest.get(Endpoint.EXECUTIONS, query).result();
                all.addAll(wire.list(result, ExecutionWire.class));
                cursor = result.path("nextPageCursor").asText("");
            } while (!cursor.isEmpty());
        }
        return all;
    }
}
