package io.gridbot.core.preview;

import java.math.BigDecimal;

/** Where an isolated position would be liquidated, as far as it can be told. */
public sealed interface Liquidation {

    /** Liquidated when the mark price reaches {@code price}. */
    record At(BigDecimal price) implements Liquidation {
    }

    /** The margin covers the whole position: a long at leverage 1 is never liquidated by a fall. */
    record Never() implements Liquidation {
    }

    /** No maintenance-margin table is known for the symbol on its venue, so no price is estimated. */
    record Unknown() implements Liquidation {
    }
}
