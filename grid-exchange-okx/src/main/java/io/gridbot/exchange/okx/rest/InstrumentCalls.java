package io.gridbot.exchange.okx.rest;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.okx.wire.InstrumentWire;
import io.gridbot.exchange.okx.wire.NeutralMapper;
import io.gridbot.exchange.okx.wire.OkxSymbolRules;
import java.util.List;
import java.util.Map;

/**
 * The public instrument list ({@code GET /api/v5/public/instruments?instType=SWAP}) and each swap's rules in the
 * core's terms. A swap the adapter cannot trade (inverse, settled in another currency, a contract multiplier
 * other than 1) is refused with a message naming it and why.
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
