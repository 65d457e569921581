package io.gridbot.exchange;

/**
 * What a venue can do beyond the basics, so the runner and the core can adapt instead of failing.
 *
 * @param protectiveStops a venue-side stop that closes the position can rest (the core keeps one while a
 *                        position is open; without it the config's {@code protectiveStop} must be off)
 * @param hedgeMode       positions can be held as separate LONG and SHORT legs
 * @param maxBatchSize    the most orders one batch create takes, 1 when the venue has no batch endpoint
 */
public record Capabilities(boolean protectiveStops, boolean hedgeMode, int maxBatchSize) {
}
