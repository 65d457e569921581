package io.gridbot.exchange.bybit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.account.PositionSnapshot;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The fake's reads and settings, in Bybit's shapes: instruments (paged), a ticker, a contract's risk limits, open and recent orders ({@code realtime}, paged by
 * an opaque {@code cursor}), the order history, executions (paged, within a start and end time), positions (flat
 * legs listed too, as Bybit lists a symbol's), the position-mode switch and the unified wallet.
 */
final class FakeReads {

    private final FakeBybit fake;
    private final FakeOrderBook book;

    FakeReads(FakeBybit fake, FakeOrderBook book) {
        this.fake = fake;
        this.book = book;
    }

    /** The listed contracts, or one by {@code symbol}, in pages of {@code limit} (500 unless asked, 1000 at most). */
    ObjectNode instruments(Map<String, String> q) throws FakeTrade.Refused {
        category(q);
        List<FakeInstrument> listed = fake.listed.values().stream()
                .filter(i -> !q.containsKey("symbol") || i.symbol().equals(q.get("symbol")))
                .sorted(java.util.Comparator.comparing(FakeInstrument::symbol)).toList();
        return page(listed, q, 1000, "500", i -> fake.wire.instrument(i,
                fake.terms.getOrDefault(i.symbol(), FakeWire.Terms.TRADED)));
    }

    /** One contract's ticker; Bybit refuses a symbol it does not list. */
    ObjectNode tickers(Map<String, String> q) throws FakeTrade.Refused {
        category(q);
        FakeInstrument listed = fake.listed.get(q.getOrDefault("symbol", ""));
        if (listed == null) {
            throw new FakeTrade.Refused(10001, "Not supported symbols");
        }
        ObjectNode result = fake.wire.object().put("category", "linear");
        result.putArray("list").add(fake.wire.ticker(listed, fake.lastPrice.get(listed.symbol())));
        return result;
    }

    /**
     * A contract's risk limit tiers, as {@link FakeBybit#riskLimits} set them (one 0.5 % tier up to 2,000,000 USDT
     * unless set); Bybit refuses a symbol it does not list.
     */
    ObjectNode riskLimits(Map<String, String> q) throws FakeTrade.Refused {
        category(q);
        String symbol = symbol(q);
        List<FakeRiskLimit> tiers = fake.riskLimits.getOrDefault(symbol,
                List.of(new FakeRiskLimit("2000000", "0.005", "")));
        ArrayNode list = fake.wire.array();
        for (int i = 0; i < tiers.size(); i++) {
            list.add(fake.wire.riskLimit(symbol, i + 1, tiers.get(i)));
        }
        return fake.wire.list(list, "");
    }

    /** Open orders, or (by {@code orderLinkId}) one order whatever its status. */
    ObjectNode realtime(Map<String, String> q) throws FakeTrade.Refused {
        category(q);
        String symbol = symbol(q);
        if (q.containsKey("orderLinkId")) {
            return history(q);
        }
        List<FakeOrderBook.Placed> open = book.of(symbol).stream().filter(book::open).toList();
        return page(open, q, 50, this::orderJson);
    }

    /** Every order the fake knows (it forgets none), or one by {@code orderLinkId}. */
    ObjectNode history(Map<String, String> q) throws FakeTrade.Refused {
        category(q);
        String symbol = symbol(q);
        List<FakeOrderBook.Placed> orders = book.of(symbol).stream()
                .filter(p -> !q.containsKey("orderLinkId") || p.request().clientOrderId().equals(q.get("orderLinkId")))
                .toList();
        return page(orders, q, 50, this::orderJson);
    }

    ObjectNode executions(Map<String, String> q) throws FakeTrade.Refused {
        category(q);
        String symbol = symbol(q);
        long start = Long.parseLong(q.getOrDefault("startTime", "0"));
        long end = Long.parseLong(q.getOrDefault("endTime", Long.toString(start + 7L * 24 * 3600 * 1000)));
        if (end - start > 7L * 24 * 3600 * 1000) {
            throw new FakeTrade.Refused(10001, "params error: the time range cannot exceed 7 days");
        }
        List<TradeRecord> trades;
        try {
            trades = fake.sim.trades(symbol, start).stream().filter(t -> t.atMs() <= end).toList().reversed();
        } catch (ExchangeException e) {
            trades = List.of();
        }
        return page(trades, q, 100, this::executionJson);
    }

    ObjectNode positions(Map<String, String> q) throws FakeTrade.Refused {
        category(q);
        String symbol = symbol(q);
        ArrayNode list = fake.wire.array();
        try {
            for (PositionSnapshot p : fake.sim.positions(symbol)) {
                list.add(fake.wire.position(p, fake.lastPrice.get(symbol), "avgPrice"));
            }
        } catch (ExchangeException e) {
            throw new FakeTrade.Refused(10001, "params error: symbol invalid");
        }
        return fake.wire.list(list, "");
    }

    ObjectNode switchMode(JsonNode body) throws FakeTrade.Refused {
        if (!"linear".equals(body.path("category").asText())) {
            throw new FakeTrade.Refused(10001, "params error: category");
        }
        boolean bySymbol = body.hasNonNull("symbol");
        if (bySymbol && !fake.listed.containsKey(body.path("symbol").asText())
                || !bySymbol && !"USDT".equals(body.path("coin").asText())) {
            throw new FakeTrade.Refused(10001, "params error: symbol or coin invalid");
        }
        PositionMode mode = switch (body.path("mode").asInt(-1)) {
            case 0 -> PositionMode.ONE_WAY;
            case 3 -> PositionMode.HEDGE;
            default -> throw new FakeTrade.Refused(10001, "params error: mode invalid");
        };
        try {
            fake.sim.changePositionMode(mode);
        } catch (ExchangeException e) {
            throw new FakeTrade.Refused(Integer.parseInt(e.venueCode()), e.venueMessage());
        }
        return fake.wire.object();
    }

    ObjectNode wallet(Map<String, String> q) throws FakeTrade.Refused {
        if (!"UNIFIED".equals(q.get("accountType"))) {
            throw new FakeTrade.Refused(10001, "params error: accountType only support UNIFIED");
        }
        return fake.wire.list(fake.wire.array().add(fake.wire.wallet(fake.sim.balances())), "");
    }

    private ObjectNode orderJson(FakeOrderBook.Placed p) {
        OrderState s = book.state(p);
        if (s == null) {
            return fake.wire.order(p.request(), p.orderId(), "Cancelled", "EC_PostOnlyWillTakeLiquidity",
                    BigDecimal.ZERO, null, p.createdMs(), p.createdMs());
        }
        return fake.wire.order(p.request(), p.orderId(), FakeWire.status(s.status(), p.stop()),
                s.status() == io.gridbot.core.order.OrderStatus.EXPIRED ? "EC_PostOnlyWillTakeLiquidity" : "EC_NoError",
                s.cumFilledQty(), s.avgPrice(), p.createdMs(), Math.max(p.createdMs(), s.updateTimeMs()));
    }

    private ObjectNode executionJson(TradeRecord t) {
        FakeOrderBook.Placed p = book.get(t.clientOrderId());
        OrderRequest q = p == null ? null : p.request();
        OrderState s = p == null ? null : book.state(p);
        BigDecimal ordered = q == null || q.quantity() == null ? (s == null ? t.qty() : s.cumFilledQty()) : q.quantity();
        BigDecimal leaves = s == null || !s.status().isOpen() ? BigDecimal.ZERO : ordered.subtract(s.cumFilledQty());
        return fake.wire.execution(q, t, ordered, leaves);
    }

    /** One page of {@code items}: the cursor is the offset of the next page, as an opaque string. */
    private <T> ObjectNode page(List<T> items, Map<String, String> q, int max, java.util.function.Function<T, ObjectNode> json)
            throws FakeTrade.Refused {
        return page(items, q, max, "20", json);
    }

    private <T> ObjectNode page(List<T> items, Map<String, String> q, int max, String byDefault,
            java.util.function.Function<T, ObjectNode> json) throws FakeTrade.Refused {
        int limit = Math.min(max, Integer.parseInt(q.getOrDefault("limit", byDefault)));
        int from;
        try {
            from = q.containsKey("cursor") ? Integer.parseInt(q.get("cursor").substring("page-".length())) : 0;
        } catch (RuntimeException e) {
            throw new FakeTrade.Refused(10001, "params error: cursor invalid");
        }
        ArrayNode list = fake.wire.array();
        items.stream().skip(from).limit(limit).forEach(i -> list.add(json.apply(i)));
        return fake.wire.list(list, from + limit < items.size() ? "page-" + (from + limit) : "");
    }

    private static void category(Map<String, String> q) throws FakeTrade.Refused {
        if (!"linear".equals(q.get("category"))) {
            throw new FakeTrade.Refused(10001, "params error: category");
        }
    }

    private String symbol(Map<String, String> q) throws FakeTrade.Refused {
        String symbol = q.get("symbol");
        if (symbol == null || !fake.listed.containsKey(symbol)) {
            throw new FakeTrade.Refused(10001, "params error: symbol invalid");
        }
        return symbol;
    }
}
