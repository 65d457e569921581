package io.gridbot.exchange.binance.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** A message of the user-data stream, by its {@code e} field; {@link NeutralMapper} turns it into SPI events. */
public sealed interface UserDataMessage {

    /** {@code ORDER_TRADE_UPDATE}: an order changed. */
    record OrderTradeUpdate(@JsonProperty("E") long eventTime, @JsonProperty("T") long transactionTime,
            @JsonProperty("o") OrderUpdate order) implements UserDataMessage {
    }

    /** The {@code o} object of ORDER_TRADE_UPDATE. */
    record OrderUpdate(@JsonProperty("s") String symbol, @JsonProperty("c") String clientOrderId,
            @JsonProperty("S") String side, @JsonProperty("o") String type, @JsonProperty("ot") String originalType,
            @JsonProperty("f") String timeInForce, @JsonProperty("q") BigDecimal qty, @JsonProperty("p") BigDecimal price,
            @JsonProperty("ap") BigDecimal avgPrice, @JsonProperty("sp") BigDecimal stopPrice,
            @JsonProperty("x") String executionType, @JsonProperty("X") String status, @JsonProperty("i") long orderId,
            @JsonProperty("l") BigDecimal lastQty, @JsonProperty("z") BigDecimal cumQty,
            @JsonProperty("L") BigDecimal lastPrice, @JsonProperty("N") String commissionAsset,
            @JsonProperty("n") BigDecimal commission, @JsonProperty("T") long tradeTime, @JsonProperty("t") long tradeId,
            @JsonProperty("m") boolean maker, @JsonProperty("R") boolean reduceOnly, @JsonProperty("ps") String positionSide,
            @JsonProperty("cp") boolean closePosition, @JsonProperty("rp") BigDecimal realizedProfit,
            @JsonProperty("er") String expireReason) {
    }

    /** {@code ACCOUNT_UPDATE}: balances or positions changed. */
    record AccountUpdate(@JsonProperty("E") long eventTime, @JsonProperty("T") long transactionTime,
            @JsonProperty("a") Account account) implements UserDataMessage {
    }

    /** The {@code a} object of ACCOUNT_UPDATE. */
    record Account(@JsonProperty("m") String reason, @JsonProperty("B") List<AccountBalance> balances,
            @JsonProperty("P") List<AccountPosition> positions) {
    }

    /** A balance of ACCOUNT_UPDATE ({@code cw} is what cross margin may use). */
    record AccountBalance(@JsonProperty("a") String asset, @JsonProperty("wb") BigDecimal wallet,
            @JsonProperty("cw") BigDecimal crossWallet, @JsonProperty("bc") BigDecimal change) {
    }

    /** A position of ACCOUNT_UPDATE. */
    record AccountPosition(@JsonProperty("s") String symbol, @JsonProperty("pa") BigDecimal amount,
            @JsonProperty("ep") BigDecimal entryPrice, @JsonProperty("up") BigDecimal unrealized,
            @JsonProperty("ps") String positionSide) {
    }

    /** {@code ALGO_UPDATE}: a conditional (algo) order changed. */
    record AlgoUpdate(@JsonProperty("E") long eventTime, @JsonProperty("T") long transactionTime,
            @JsonProperty("o") AlgoOrder order) implements UserDataMessage {
    }

    /** The {@code o} object of ALGO_UPDATE. */
    record AlgoOrder(@JsonProperty("caid") String clientAlgoId, @JsonProperty("aid") long algoId,
            @JsonProperty("at") String algoType, @JsonProperty("o") String type, @JsonProperty("s") String symbol,
            @JsonProperty("S") String side, @JsonProperty("q") BigDecimal qty, @JsonProperty("X") String status,
            @JsonProperty("tp") BigDecimal triggerPrice, @JsonProperty("cp") boolean closePosition,
            @JsonProperty("R") boolean reduceOnly, @JsonProperty("ai") String actualOrderId,
            @JsonProperty("ps") String positionSide) {
    }

    /** {@code listenKeyExpired}: the stream carries nothing more until a new key connects. */
    record ListenKeyExpired(@JsonProperty("E") long eventTime, @JsonProperty("listenKey") String listenKey)
            implements UserDataMessage {

        @Override
        public String toString() {
            return "ListenKeyExpired[E=" + eventTime + "]"; // a listen key is a bearer credential of the stream
        }
    }

    /** Any other event (MARGIN_CALL, TRADE_LITE, ACCOUNT_CONFIG_UPDATE, …): not needed by a grid. */
    record Other(String type) implements UserDataMessage {
    }
}
