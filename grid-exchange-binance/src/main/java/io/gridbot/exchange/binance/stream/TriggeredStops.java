package io.gridbot.exchange.binance.stream;

import io.gridbot.core.order.OrderType;
import io.gridbot.exchange.binance.wire.UserDataMessage;
import io.gridbot.exchange.stream.OrderEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Attributes a triggered stop's fills to the stop. When a conditional order triggers, Binance places a market
 * order and names its id in ALGO_UPDATE's {@code ai}; whether that order keeps the stop's client id is
 * unverified, so fills of a known triggered order are reported under the stop's client id either way.
 */
final class TriggeredStops {

    private static final int KEPT = 10_000;

    private final Map<String, String> stopByOrderId = new ConcurrentHashMap<>();

    /** Learns the order a stop became, if the update names one. */
    void observe(UserDataMessage.AlgoOrder algo) {
        String actual = algo.actualOrderId();
        if (actual != null && !actual.isBlank() && algo.clientAlgoId() != null) {
            if (stopByOrderId.size() >= KEPT) {
                stopByOrderId.clear(); // old triggers are long settled; the bound keeps memory flat
            }
            stopByOrderId.put(actual, algo.clientAlgoId());
        }
    }

    /** The event as the stop's own when its order is a triggered stop's, else unchanged. */
    OrderEvent attribute(OrderEvent e) {
        String stop = stopByOrderId.get(e.exchangeOrderId());
        if (stop == null || stop.equals(e.clientOrderId())) {
            return e;
        }
        return new OrderEvent(e.symbol(), stop, e.exchangeOrderId(), e.side(), OrderType.STOP_MARKET, e.status(), e.price(),
                e.origQty(), e.cumFilledQty(), e.lastFillQty(), e.lastFillPrice(), e.fee(), e.feeAsset(), e.tradeId(),
                e.reduceOnly(), e.atMs(), e.positionSide());
    }
}
