package io.gridbot.exchange.replay;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One funding settlement of a perpetual: at {@code atMs} every position pays {@code position × mark × rate}
 * (a positive rate makes longs pay shorts).
 *
 * @param atMs the funding time, epoch milliseconds
 * @param rate the funding rate, as a fraction (0.0001 is 0.01 %)
 */
public record FundingRate(long atMs, BigDecimal rate) {

    public FundingRate {
        Objects.requireNonNull(rate, "rate");
    }
}
