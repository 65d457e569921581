package io.gridbot.exchange.okx.rest;

import io.gridbot.core.config.PositionMode;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.okx.wire.AccountConfigWire;
import io.gridbot.exchange.okx.wire.BalanceWire;
import io.gridbot.exchange.okx.wire.FillWire;
import io.gridbot.exchange.okx.wire.PositionWire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account endpoints as typed calls, each answering with OKX's own records: positions, the balance, the
 * account's settings and position mode, and its executions ({@code fills-history}, every page, oldest first).
 */
public final class AccountCalls {

    private static final int PAGE = 100;

    private final OkxRestClient rest;
    private final WireReader wire;

    public AccountCalls(OkxRestClient rest, WireReader wire) {
        this.rest = rest;
        this.wire = wire;
    }

    /**
     * {@code GET /api/v5/account/positions} of one swap: one {@code net} entry in net mode, a {@code long} and a
     * {@code short} entry in long/short mode; OKX lists none for an instrument without a position.
     */
    public List<PositionWire> positions(String instId) throws ExchangeException {
        return wire.readList(rest.get(Endpoint.POSITIONS, OkxRestClient.params("instType", "SWAP", "instId", instId), instId),
                PositionWire.class);
    }

    /** {@code GET /api/v5/account/balance}: the trading account's assets. */
    public BalanceWire balance() throws ExchangeException {
        return wire.single(rest.get(Endpoint.BALANCE, Map.of(), null), BalanceWire.class);
    }

    /** {@code GET /api/v5/account/config}: the account and position modes. */
    public AccountConfigWire config() throws ExchangeException {
        return wire.single(rest.get(Endpoint.ACCOUNT_CONFIG, Map.of(), null), AccountConfigWire.class);
    }

    /**
     * The account's position mode: {@code net_mode} is one-way, {@code long_short_mode} hedge.
     *
     * @throws ExchangeException {@code EXCHANGE_UNAVAILABLE} when the answer names another mode
     */
    public PositionMode positionMode() throws ExchangeException {
        String mode = config().posMode();
        return switch (mode == null ? "" : mode) {
            case "net_mode" -> PositionMode.ONE_WAY;
            case "long_short_mode" -> PositionMode.HEDGE;
            default -> throw OkxErrors.unreadable(AccountConfigWire.class);
        };
    }

    /**
     * {@code POST /api/v5/account/set-position-mode}. OKX refuses (59000) while the account holds a position or
     * an open order.
     */
    public void changePositionMode(PositionMode mode) throws ExchangeException {
        String posMode = mode == PositionMode.HEDGE ? "long_short_mode" : "net_mode";
        rest.post(Endpoint.SET_POSITION_MODE, Map.of("posMode", posMode), null, 1);
    }

    /**
     * The swap's executions since {@code fromMs}, oldest first: {@code GET /api/v5/trade/fills-history} (the last
     * three months), which OKX answers newest first, paged back by bill id until a page comes back short.
     */
    public List<FillWire> fills(String instId, long fromMs) throws ExchangeException {
        List<FillWire> all = new ArrayList<>();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("instType", "SWAP");
        query.put("instId", instId);
        query.put("begin", Long.toString(fromMs));
        query.put("limit", Integer.toString(PAGE));
        while (true) {
            List<FillWire> page = wire.readList(rest.get(Endpoint.FILLS_HISTORY, query, instId), FillWire.class);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all.reversed();
            }
            query.put("after", page.getLast().billId());
        }
    }
}
