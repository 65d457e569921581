package io.gridbot.core.machine;

/**
 * How far the orders a grid has resting (or on their way) differ from its ideal set at one moment: what a sync
 * run now would still have to do. Both are zero while the grid is in step, and whenever it is not running (a
 * paused, stopped or flattening grid places nothing, so it has no ideal set to miss). A drift that persists
 * means the grid cannot reach its ideal set: a rate-limit pause, a lost stream, a venue that refuses.
 *
 * @param missing ideal orders that are neither resting nor on their way (a sync would create them)
 * @param surplus orders resting or on their way that are not ideal (a sync would cancel them)
 */
public record OrderDrift(int missing, int surplus) {

    /** In step. */
    public static final OrderDrift NONE = new OrderDrift(0, 0);

    /** Both together: the orders a sync would create or cancel. */
    public int total() {
        return missing + surplus;
    }
}
