package io.gridbot.exchange.okx.wire;

/**
 * One item of the answer to a place or cancel (single or batch): the order's ids and the item's own result,
 * {@code sCode} {@code "0"} for success, else OKX's error code and {@code sMsg}.
 */
public record OrderResultWire(String ordId, String clOrdId, String tag, long ts, String sCode, String sMsg,
        String subCode) {

    /** Whether this item succeeded. */
    public boolean ok() {
        return "0".equals(sCode);
    }
}
