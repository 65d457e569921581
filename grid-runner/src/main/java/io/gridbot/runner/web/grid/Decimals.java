package io.gridbot.runner.web.grid;

import java.math.BigDecimal;

/** Exact decimals as JSON strings: the browser formats them, and never does arithmetic on money. */
final class Decimals {

    private Decimals() {
    }

    static String text(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
