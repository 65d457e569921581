package io.gridbot.exchange.okx.wire;

/** One item of the answer to {@code POST /api/v5/trade/order-algo} or {@code cancel-algos}. */
public record AlgoResultWire(String algoId, String algoClOrdId, String sCode, String sMsg) {

    /** Whether this item succeeded. */
    public boolean ok() {
        return "0".equals(sCode);
    }
}
