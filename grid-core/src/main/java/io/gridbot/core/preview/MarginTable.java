package io.gridbot.core.preview;

import java.math.BigDecimal;
import java.util.List;

/**
 * A symbol's maintenance-margin brackets on one venue, smallest notional first, and where they were read.
 *
 * @param tiers  the brackets; the first starts at zero, the last has no cap
 * @param source where the figures come from and when, for the reader to judge how current they are
 */
public record MarginTable(List<MarginTier> tiers, String source) {

    public MarginTable {
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty() || tiers.get(0).floor().signum() != 0 || tiers.get(tiers.size() - 1).cap() != null) {
            throw new IllegalArgumentException("margin tiers must start at a notional of 0 and end without a cap");
        }
        for (int i = 1; i < tiers.size(); i++) {
            MarginTier before = tiers.get(i - 1);
            MarginTier tier = tiers.get(i);
            if (before.cap() == null || before.cap().compareTo(tier.floor()) != 0) {
                throw new IllegalArgumentException("margin tier " + (i + 1) + " must start where tier " + i + " ends");
            }
            // The amounts exist to keep the margin continuous where brackets meet: a jump is a mistyped figure.
            if (before.maintenanceMargin(tier.floor()).compareTo(tier.maintenanceMargin(tier.floor())) != 0) {
                throw new IllegalArgumentException("the maintenance margin jumps between tiers " + i + " and " + (i + 1)
                        + " at " + tier.floor().toPlainString() + ": check tier " + (i + 1) + "'s amount");
            }
        }
    }

    /** The bracket a position of this notional falls in. */
    public MarginTier tierFor(BigDecimal notional) {
        return tiers.stream().filter(t -> t.holds(notional)).findFirst().orElse(tiers.get(tiers.size() - 1));
    }
}
