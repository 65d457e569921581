package io.gridbot.exchange.binance.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** A message of a market stream, by its {@code e} field. */
public sealed interface MarketMessage {

    /** {@code bookTicker}: best bid and ask. */
    record BookTicker(@JsonProperty("s") String symbol, @JsonProperty("u") long updateId, @JsonProperty("E") long eventTime,
            @JsonProperty("T") long transactionTime, @JsonProperty("b") BigDecimal bid, @JsonProperty("B") BigDecimal bidQty,
            @JsonProperty("a") BigDecimal ask, @JsonProperty("A") BigDecimal askQty) implements MarketMessage {
    }

    /** {@code depthUpdate}: book levels as [price, qty] pairs, from partial-depth or diff streams. */
    record DepthUpdate(@JsonProperty("s") String symbol, @JsonProperty("E") long eventTime,
            @JsonProperty("T") long transactionTime, @JsonProperty("U") long firstUpdateId,
            @JsonProperty("u") long lastUpdateId, @JsonProperty("pu") long previousUpdateId,
            @JsonProperty("b") List<List<BigDecimal>> bids, @JsonProperty("a") List<List<BigDecimal>> asks)
            implements MarketMessage {
    }

    /** {@code markPriceUpdate}: mark and index price, funding rate. */
    record MarkPriceUpdate(@JsonProperty("s") String symbol, @JsonProperty("E") long eventTime,
            @JsonProperty("p") BigDecimal markPrice, @JsonProperty("i") BigDecimal indexPrice,
            @JsonProperty("r") BigDecimal fundingRate, @JsonProperty("T") long nextFundingTime) implements MarketMessage {
    }

    /** {@code aggTrade}: trades at one price, aggregated. */
    record AggTrade(@JsonProperty("s") String symbol, @JsonProperty("E") long eventTime, @JsonProperty("a") long aggId,
            @JsonProperty("p") BigDecimal price, @JsonProperty("q") BigDecimal qty, @JsonProperty("T") long tradeTime,
            @JsonProperty("m") boolean buyerMaker) implements MarketMessage {
    }

    /** A reply to SUBSCRIBE / UNSUBSCRIBE ({@code {"result":null,"id":n}}) or an event a grid does not use. */
    record Other(String type) implements MarketMessage {
    }
}
