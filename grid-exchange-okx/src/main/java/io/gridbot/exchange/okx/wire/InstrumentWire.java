package io.gridbot.exchange.okx.wire;

import java.math.BigDecimal;

/** One entry of {@code GET /api/v5/public/instruments}: a swap's contract and trading rules. */
public record InstrumentWire(String instType, String instId, String instFamily, String settleCcy, BigDecimal ctVal,
        BigDecimal ctMult, String ctValCcy, String ctType, BigDecimal tickSz, BigDecimal lotSz, BigDecimal minSz,
        String state, BigDecimal maxLmtSz, BigDecimal maxMktSz) {
}
