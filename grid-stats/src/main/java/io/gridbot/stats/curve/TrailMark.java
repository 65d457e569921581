package io.gridbot.stats.curve;

import io.gridbot.stats.ledger.PricePoint;
import io.gridbot.stats.ledger.Valuation;
import java.math.BigDecimal;

/**
 * A place for one mark the trail may keep: its place in the order the marks were booked, its time and price, and
 * the ledger's {@link Valuation} it was booked under, which its equity is worked out from when first asked for.
 * Reused from mark to mark, so a replay's millions of marks make no object each; what must outlive the next mark
 * is {@link #copy copied} into another place, or made a {@link MarkTrail.Kept}.
 */
final class TrailMark {

    private boolean present;
    private long seq;
    private long atMs;
    private BigDecimal price;
    private Valuation valuation;
    private BigDecimal equity;
    private MarkTrail.Kept kept;

    /** Holds this mark from now on. */
    void set(long seq, long atMs, BigDecimal price, Valuation valuation) {
        this.present = true;
        this.seq = seq;
        this.atMs = atMs;
        this.price = price;
        this.valuation = valuation;
        this.equity = null;
        this.kept = null;
    }

    /** Holds what {@code other} holds, nothing if it holds nothing or is {@code null}. */
    void copy(TrailMark other) {
        if (other == null) {
            present = false;
            price = null;
            valuation = null;
            equity = null;
            kept = null;
            return;
        }
        present = other.present;
        seq = other.seq;
        atMs = other.atMs;
        price = other.price;
        valuation = other.valuation;
        equity = other.equity;
        kept = other.kept;
    }

    boolean present() {
        return present;
    }

    long seq() {
        return seq;
    }

    BigDecimal price() {
        return price;
    }

    Valuation valuation() {
        return valuation;
    }

    /** Whether it holds a mark with a price, booked under {@code v}. */
    boolean pricedUnder(Valuation v) {
        return present && valuation == v && price != null;
    }

    /** The equity the ledger gave this mark. */
    BigDecimal equity() {
        if (equity == null) {
            equity = valuation.equityAt(price);
        }
        return equity;
    }

    MarkTrail.Kept kept() {
        if (kept == null) {
            kept = new MarkTrail.Kept(new PricePoint(atMs, price), equity(), valuation.position());
        }
        return kept;
    }
}
