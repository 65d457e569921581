package io.gridbot.core.config;

/** The three grid modes of the spec. */
public enum GridMode {
    /** Short: sell entries above the price, reduce-only buy exits one line below. */
    SHORT,
    /** Neutral: sell entries above and buy entries below, each exited one line back toward the price. */
    NEUTRAL,
    /** Long: buy entries below the price, reduce-only sell exits one line above. */
    LONG
}
