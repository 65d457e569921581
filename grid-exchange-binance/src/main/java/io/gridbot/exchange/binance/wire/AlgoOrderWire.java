package io.gridbot.exchange.binance.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.math.BigDecimal;

/**
 * A conditional order of the Algo service ({@code /fapi/v1/algoOrder}, {@code openAlgoOrders}), how protective
 * stops live on Binance since the conditional types left {@code /fapi/v1/order}.
 */
public record AlgoOrderWire(long algoId, String clientAlgoId, String algoType, @JsonAlias("orderType") String type,
        String symbol, String side, String positionSide, BigDecimal quantity, String algoStatus, BigDecimal triggerPrice,
        Boolean closePosition, Boolean reduceOnly, long createTime, long updateTime) {
}
