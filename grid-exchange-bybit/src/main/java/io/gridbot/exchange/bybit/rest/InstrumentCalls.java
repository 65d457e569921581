package io.gridbot.exchange.bybit.rest;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.bybit.wire.BybitSymbolRules;
import io.gridbot.exchange.bybit.wire.InstrumentWire;
import io.gridbot.exchange.bybit.wire.NeutralMapper;
import java.util.List;
import java.util.Optional;

/**
 * The public instrument list ({@code GET /v5/market/instruments-info?category=linear&symbol=…}) and each contract's
 * rules in the core's terms. A contract the adapter cannot trade (a dated future, USDC-settled) is refused with a
 * message naming it and why.
 */
public final class InstrumentCalls {

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
