package io.gridbot.exchange.okx.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.okx.wire.InstrumentWire;
import io.gridbot.exchange.okx.wire.NeutralMapper;
import io.gridbot.exchange.okx.wire.OkxSymbolRules;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public instrument list ({@code GET /api/v5/public/instruments?instType=SWAP}), each swap's rules in the
 * core's terms, and a swap's last price ({@code GET /api/v5/market/ticker}). A swap the adapter cannot trade
 * (inverse, settled in another currency, a contract multiplier other than 1) is refused with a message naming it
 * and why.
 */
public final class InstrumentCalls {

    private final OkxRestClient rest;
    private final WireReader wire;

    public InstrumentCalls(OkxRestClient rest, WireReader wire) {
        this.rest = rest;
        this.wire = wire;
    }

    /** Every listed swap. */
    public List<InstrumentWire> swaps() throws ExchangeException {
        return wire.readList(rest.get(Endpoint.INSTRUMENTS, Map.of("instType", "SWAP"), null), InstrumentWire.class);
    }

    /** The live swaps the adapter can trade, in alphabetical order of their instrument ids. */
    public List<String> tradable() throws ExchangeException {
        return swaps().stream().filter(i -> "live".equals(i.state()) && tradable(i)).map(InstrumentWire::instId)
                .sorted().toList();
    }

    private static boolean tradable(InstrumentWire swap) {
        try {
            NeutralMapper.rules(swap);
            return true;
        } catch (IllegalArgumentException unsupported) {
            return false;
        }
    }

    /**
     * The swap's last traded price ({@code last}).
     *
     * @return empty when OKX lists no such instrument (51001) or names no price
     */
    public Optional<BigDecimal> lastPrice(String instId) throws ExchangeException {
        ArrayNode found;
        try {
            found = rest.get(Endpoint.TICKER, OkxRestClient.params("instId", instId), null);
        } catch (ExchangeException e) {
            if (OkxErrorCode.INSTRUMENT_DOES_NOT_EXIST.is(e.venueCode())) {
                return Optional.empty();
            }
            throw e;
        }
        for (JsonNode ticker : found) {
            if (instId.equals(ticker.path("instId").asText()) && !ticker.path("last").asText().isEmpty()) {
                try {
                    return Optional.of(new BigDecimal(ticker.path("last").asText()));
                } catch (NumberFormatException e) {
                    throw OkxErrors.unreadable(BigDecimal.class);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * One swap's rules.
     *
     * @throws ExchangeException {@code OTHER} with OKX's own 51001 when it is not listed, or naming why the adapter
     *                           cannot trade it
     */
    public OkxSymbolRules rules(String instId) throws ExchangeException {
        List<InstrumentWire> found = wire.readList(rest.get(Endpoint.INSTRUMENTS,
                OkxRestClient.params("instType", "SWAP", "instId", instId), null), InstrumentWire.class);
        InstrumentWire listed = found.stream().filter(i -> instId.equals(i.instId())).findFirst().orElse(null);
        if (listed == null) {
            throw new ExchangeException(ExchangeErrorKind.OTHER, OkxErrorCode.INSTRUMENT_DOES_NOT_EXIST.code(),
                    "Instrument ID, Instrument ID code or Spread ID doesn't exist.");
        }
        try {
            return NeutralMapper.rules(listed);
        } catch (IllegalArgumentException unsupported) {
            throw OkxErrors.refusedLocally(ExchangeErrorKind.OTHER, unsupported.getMessage());
        }
    }
}
