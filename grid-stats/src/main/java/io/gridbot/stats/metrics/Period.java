package io.gridbot.stats.metrics;

/** The statistics periods. */
public enum Period {
    HOUR_1(3_600_000L),
    DAY_1(86_400_000L),
    DAY_7(7 * 86_400_000L),
    DAY_30(30 * 86_400_000L),
    ALL(Long.MAX_VALUE);

    private final long lengthMs;

    Period(long lengthMs) {
        this.lengthMs = lengthMs;
    }

    /** The start of this period when it ends at {@code endMs}; the beginning of time for {@link #ALL}. */
    public long startFor(long endMs) {
        return this == ALL ? Long.MIN_VALUE : endMs - lengthMs;
    }
}
