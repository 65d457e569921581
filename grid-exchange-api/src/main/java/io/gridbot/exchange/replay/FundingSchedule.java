package io.gridbot.exchange.replay;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A perpetual's funding times and rates, oldest first, read from a file (or none): what a replay settles on
 * the open position as its virtual clock passes each time. A replay walks it with a {@link Cursor}.
 */
public final class FundingSchedule {

    /** No funding at all: a replay without a funding file. */
    public static final FundingSchedule NONE = new FundingSchedule("none", List.of());

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final String source;
    private final List<FundingRate> rates;

    private FundingSchedule(String source, List<FundingRate> rates) {
        this.source = source;
        this.rates = rates;
    }

    /**
     * A schedule of these rates, which must be in strictly increasing time order.
     *
     * @param source where the rates come from, e.g. the file's name
     */
    public static FundingSchedule of(String source, List<FundingRate> rates) {
        for (int i = 1; i < rates.size(); i++) {
            if (rates.get(i).atMs() <= rates.get(i - 1).atMs()) {
                throw new IllegalArgumentException("funding times must increase: " + rates.get(i).atMs() + " follows "
                        + rates.get(i - 1).atMs());
            }
        }
        return new FundingSchedule(source, List.copyOf(rates));
    }

    /** Where the rates come from. */
    public String source() {
        return source;
    }

    public List<FundingRate> rates() {
        return rates;
    }

    public boolean isEmpty() {
        return rates.isEmpty();
    }

    /** How many funding times fall within {@code [fromMs, toMs]}. */
    public long countWithin(long fromMs, long toMs) {
        return rates.stream().filter(r -> r.atMs() >= fromMs && r.atMs() <= toMs).count();
    }

    /** The span the schedule covers, e.g. {@code 2025-12-12 16:00 to 2026-06-10 08:00 UTC}; empty when none. */
    public String span() {
        return rates.isEmpty() ? "" : MINUTE.format(Instant.ofEpochMilli(rates.get(0).atMs())) + " to "
                + MINUTE.format(Instant.ofEpochMilli(rates.get(rates.size() - 1).atMs())) + " UTC";
    }

    /** A walk through the schedule from its start. */
    public Cursor cursor() {
        return new Cursor();
    }

    /** Walks the schedule forward in time; not thread-safe. */
    public final class Cursor {

        private int next;

        private Cursor() {
        }

        /**
         * The next funding due at or before {@code atMs}, taken, or {@code null} when none is due: call it until
         * {@code null} each time the clock moves.
         */
        public FundingRate dueBy(long atMs) {
            if (next < rates.size() && rates.get(next).atMs() <= atMs) {
                return rates.get(next++);
            }
            return null;
        }

        /** Skips every funding time before {@code atMs}: those before a replay starts are not the grid's. */
        public Cursor from(long atMs) {
            while (next < rates.size() && rates.get(next).atMs() < atMs) {
                next++;
            }
            return this;
        }
    }
}
