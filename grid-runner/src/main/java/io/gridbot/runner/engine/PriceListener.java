package io.gridbot.runner.engine;

import java.math.BigDecimal;

/**
 * Hears every market price a grid is given, in the order the grid sees them (the price chart's candles are
 * built from them). Called on the thread that handles the grid's events: it must return at once.
 */
@FunctionalInterface
public interface PriceListener {

    /** Hears nothing. */
    PriceListener NONE = (atMs, price) -> { };

    /** A market price the grid saw, and when the market made it. */
    void seen(long atMs, BigDecimal price);
}
