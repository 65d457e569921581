package io.gridbot.core.risk;

import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A position on one symbol as the venue keeps it: one signed net in one-way mode ({@code both}), or a long
 * leg and a short leg in hedge mode. Every component is signed (long positive, short negative), so the
 * long leg is never negative, the short leg never positive, and subtracting one account's holdings from
 * another's is done component by component in either mode. A one-way account has only {@code both}; a
 * hedge-mode account only the two legs.
 *
 * @param both     the one-way net position
 * @param longLeg  the hedge-mode long leg, zero or positive
 * @param shortLeg the hedge-mode short leg, zero or negative
 */
public record PositionLegs(BigDecimal both, BigDecimal longLeg, BigDecimal shortLeg) {

    /** Nothing held. */
    public static final PositionLegs FLAT = new PositionLegs(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public PositionLegs {
        Objects.requireNonNull(both, "both");
        Objects.requireNonNull(longLeg, "longLeg");
        Objects.requireNonNull(shortLeg, "shortLeg");
    }

    /** A one-way account's signed net position. */
    public static PositionLegs oneWay(BigDecimal net) {
        return new PositionLegs(net, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** A hedge-mode account's two legs, both signed. */
    public static PositionLegs hedge(BigDecimal longLeg, BigDecimal shortLeg) {
        return new PositionLegs(BigDecimal.ZERO, longLeg, shortLeg);
    }

    /** The signed quantity on one leg. */
    public BigDecimal get(PositionSide leg) {
        return switch (leg) {
            case BOTH -> both;
            case LONG -> longLeg;
            case SHORT -> shortLeg;
        };
    }

    /** The same holdings with one leg replaced. */
    public PositionLegs with(PositionSide leg, BigDecimal qty) {
        return switch (leg) {
            case BOTH -> new PositionLegs(qty, longLeg, shortLeg);
            case LONG -> new PositionLegs(both, qty, shortLeg);
            case SHORT -> new PositionLegs(both, longLeg, qty);
        };
    }

    /** The same holdings with a signed change on one leg. */
    public PositionLegs plus(PositionSide leg, BigDecimal delta) {
        return with(leg, get(leg).add(delta));
    }

    /** Component by component: what is left of these holdings once {@code other}'s are taken away. */
    public PositionLegs minus(PositionLegs other) {
        return new PositionLegs(both.subtract(other.both), longLeg.subtract(other.longLeg),
                shortLeg.subtract(other.shortLeg));
    }

    /** The account's net exposure: what a one-way venue would show. */
    public BigDecimal net() {
        return both.add(longLeg).add(shortLeg);
    }

    /** True when every leg holds the same quantity as {@code other}'s, whatever the scale. */
    public boolean sameAs(PositionLegs other) {
        return other != null && both.compareTo(other.both) == 0 && longLeg.compareTo(other.longLeg) == 0
                && shortLeg.compareTo(other.shortLeg) == 0;
    }

    /** True when no leg holds anything. */
    public boolean isFlat() {
        return both.signum() == 0 && longLeg.signum() == 0 && shortLeg.signum() == 0;
    }

    /**
     * The signed position that counts against entries of {@code entrySide}, positive when it adds to
     * their exposure: the net in one-way mode (a short net frees room for buys), the entries' own leg in
     * hedge mode (the other leg never offsets it).
     */
    public BigDecimal toward(Side entrySide) {
        return entrySide == Side.BUY ? both.add(longLeg) : both.negate().subtract(shortLeg);
    }

    /**
     * What of these holdings (a grid's own) may be closed on a venue holding {@code venue}: each leg
     * limited by {@link OwnPosition#closable} to what the venue holds that way on the same leg.
     */
    public PositionLegs closableOn(PositionLegs venue) {
        return new PositionLegs(OwnPosition.closable(both, venue.both),
                OwnPosition.closable(longLeg, venue.longLeg), OwnPosition.closable(shortLeg, venue.shortLeg));
    }

    /** True when something is held on the hedge-mode legs: such holdings are told leg by leg, not as a net. */
    public boolean heldOnLegs() {
        return longLeg.signum() != 0 || shortLeg.signum() != 0;
    }

    /** For logs: the net in one-way terms, or both legs. */
    public String describe() {
        if (!heldOnLegs()) {
            return both.toPlainString();
        }
        return "long " + longLeg.toPlainString() + " / short " + shortLeg.toPlainString();
    }
}
