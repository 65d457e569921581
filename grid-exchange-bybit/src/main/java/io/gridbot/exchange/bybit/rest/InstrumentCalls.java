package io.gridbot.exchange.bybit.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.bybit.wire.BybitSymbolRules;
import io.gridbot.exchange.bybit.wire.InstrumentWire;
import io.gridbot.exchange.bybit.wire.NeutralMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public instrument list ({@code GET /v5/market/instruments-info?category=linear&symbol=…}), each contract's
 * rules in the core's terms, and a contract's last price ({@code GET /v5/market/tickers}). A contract the adapter
 * cannot trade (a dated future, USDC-settled) is refused with a message naming it and why.
 */
public final class InstrumentCalls {

    /** The most instruments Bybit answers in one page. */
    private static final int PAGE = 1000;
    /** How many pages are read at most: far more than Bybit's linear contracts fill, so a cursor that never ends does. */
    private static final int MAX_PAGES = 20;

    private final BybitRestClient rest;
    private final WireReader wire;

    public InstrumentCalls(BybitRestClient rest, WireReader wire) {
        this.rest = rest;
        this.wire = wire;
    }

    /** The symbol's entry, empty when Bybit lists no such linear contract (or answers that the symbol is invalid). */
    public Optional<InstrumentWire> find(String symbol) throws ExchangeException {
        List<InstrumentWire> found;
        try {
            found = wire.list(rest.get(Endpoint.INSTRUMENTS, BybitRestClient.params("category", "linear", "symbol", symbol))
                    .result(), InstrumentWire.class);
        } catch (ExchangeException e) {
            if (BybitErrorCode.PARAMETER_ERROR.is(e.venueCode())) {
                return Optional.empty();
            }
            throw e;
        }
        return found.stream().filter(i -> symbol.equals(i.symbol())).findFirst();
    }

    /**
     * The contracts the adapter can trade: USDT perpetuals, Trading now, in alphabetical order. Every page of the
     * list is read, by {@code nextPageCursor}.
     */
    public List<String> tradable() throws ExchangeException {
        List<String> out = new ArrayList<>();
        String cursor = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> query = BybitRestClient.params("category", "linear", "limit", Integer.toString(PAGE));
            if (!cursor.isEmpty()) {
                query.put("cursor", cursor);
            }
            JsonNode result = rest.get(Endpoint.INSTRUMENTS, query).result();
            wire.list(result, InstrumentWire.class).stream().filter(i -> "Trading".equals(i.status()) && tradable(i))
                    .forEach(i -> out.add(i.symbol()));
            String next = result.path("nextPageCursor").asText("");
            if (next.isEmpty() || next.equals(cursor)) {
                break;
            }
            cursor = next;
        }
        return out.stream().distinct().sorted().toList();
    }

    private static boolean tradable(InstrumentWire contract) {
        try {
            NeutralMapper.rules(contract);
            return true;
        } catch (IllegalArgumentException unsupported) {
            return false;
        }
    }

    /**
     * The contract's last traded price ({@code lastPrice}).
     *
     * @return empty when Bybit lists no such linear contract (or answers that the symbol is invalid)
     */
    public Optional<BigDecimal> lastPrice(String symbol) throws ExchangeException {
        JsonNode result;
        try {
            result = rest.get(Endpoint.TICKERS, BybitRestClient.params("category", "linear", "symbol", symbol)).result();
        } catch (ExchangeException e) {
            if (BybitErrorCode.PARAMETER_ERROR.is(e.venueCode())) {
                return Optional.empty();
            }
            throw e;
        }
        for (JsonNode ticker : result.path("list")) {
            String last = ticker.path("lastPrice").asText("");
            if (symbol.equals(ticker.path("symbol").asText()) && !last.isEmpty()) {
                try {
                    return Optional.of(new BigDecimal(last));
                } catch (NumberFormatException e) {
                    throw BybitErrors.unreadable(BigDecimal.class);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * One contract's rules.
     *
     * @throws ExchangeException {@code OTHER} when it is not listed, or naming why the adapter cannot trade it
     */
    public BybitSymbolRules rules(String symbol) throws ExchangeException {
        InstrumentWire listed = find(symbol).orElseThrow(() -> new ExchangeException(ExchangeErrorKind.OTHER, null,
                "bybit lists no linear contract " + symbol));
        try {
            return NeutralMapper.rules(listed);
        } catch (IllegalArgumentException unsupported) {
            throw BybitErrors.refusedLocally(ExchangeErrorKind.OTHER, unsupported.getMessage());
        }
    }
}
