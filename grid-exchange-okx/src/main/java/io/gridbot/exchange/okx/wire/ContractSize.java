package io.gridbot.exchange.okx.wire;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * How an OKX swap counts quantity: orders and positions are in contracts ({@code sz}, {@code pos}), one contract
 * is {@code ctVal} of the base asset, and a size must be a whole number of lots ({@code lotSz} contracts, at
 * least {@code minSz}). The grid thinks in the base asset, so every quantity crosses here: a base quantity
 * becomes contracts only when it is a whole number of lots, never rounded, since a rounded order would trade
 * another amount than the grid's books say.
 *
 * @param instId the instrument, e.g. {@code BTC-USDT-SWAP}
 * @param ctVal  the base asset in one contract, e.g. {@code 0.01} BTC
 * @param lotSz  the contract increment of an order
 * @param minSz  the smallest order, in contracts
 */
public record ContractSize(String instId, BigDecimal ctVal, BigDecimal lotSz, BigDecimal minSz) {

    public ContractSize {
        Objects.requireNonNull(instId, "instId");
        if (ctVal == null || ctVal.signum() <= 0) {
            throw new IllegalArgumentException(instId + ": the contract value (ctVal) must be positive, was " + ctVal);
        }
        if (lotSz == null || lotSz.signum() <= 0) {
            throw new IllegalArgumentException(instId + ": the lot size (lotSz) must be positive, was " + lotSz);
        }
        if (minSz == null || minSz.signum() < 0) {
            throw new IllegalArgumentException(instId + ": the minimum size (minSz) must not be negative, was " + minSz);
        }
    }

    /** The base-asset quantity of one lot: the grid's quantity step. */
    public BigDecimal baseStep() {
        return lotSz.multiply(ctVal).stripTrailingZeros();
    }

    /** The base-asset quantity of the smallest order. */
    public BigDecimal baseMinimum() {
        return minSz.multiply(ctVal).stripTrailingZeros();
    }

    /** The base-asset quantity of a number of contracts (a size, a fill, a position). */
    public BigDecimal baseQuantity(BigDecimal contracts) {
        return contracts.multiply(ctVal).stripTrailingZeros();
    }

    /**
     * The contracts of a base-asset quantity.
     *
     * @throws IllegalArgumentException naming the quantity and the instrument's lot when it is not a positive
     *                                  whole number of lots
     */
    public BigDecimal contracts(BigDecimal baseQuantity) {
        Optional<String> refusal = refusal(baseQuantity);
        if (refusal.isPresent()) {
            throw new IllegalArgumentException(refusal.get());
        }
        return baseQuantity.divide(ctVal).stripTrailingZeros();
    }

    /** Why a base-asset quantity cannot be ordered in contracts, or empty when it can. */
    public Optional<String> refusal(BigDecimal baseQuantity) {
        if (baseQuantity == null || baseQuantity.signum() <= 0) {
            return Optional.of("quantity " + plain(baseQuantity) + " on " + instId + " must be positive");
        }
        if (baseQuantity.remainder(baseStep()).signum() != 0) {
            return Optional.of("quantity " + plain(baseQuantity) + " is not a whole number of lots on " + instId
                    + ": one contract is " + plain(ctVal) + " of the base asset and orders go in lots of "
                    + plain(lotSz) + " contracts, so the quantity must be a multiple of " + plain(baseStep()));
        }
        return Optional.empty();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "null" : value.stripTrailingZeros().toPlainString();
    }
}
