package io.gridbot.core.config;

/** The three grid modes of the spec. */
public enum GridMode {
    /** FR-2: sell entries above the price, reduce-only buy exits one line below. */
    SHORT,
    /** FR-3: sell entries above and buy entries below, each exited one line back toward the price. */
    NEUTRAL,
    /** FR-4: buy entries below the price, reduce-only sell exits one line above. */
    LONG
}
