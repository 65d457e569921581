package io.gridbot.runner.web.grid;

import java.util.Arrays;
import java.util.Optional;

/** The candle lengths the price chart offers, each a whole number of the stored one-minute candles. */
public enum CandleInterval {
    M1("1m", 60_000L), M5("5m", 300_000L), M15("15m", 900_000L), H1("1h", 3_600_000L), H4("4h", 14_400_000L),
    D1("1d", 86_400_000L);

    private final String label;
    private final long ms;

    CandleInterval(String label, long ms) {
        this.label = label;
        this.ms = ms;
    }

    /** How the API names it: {@code 1m}, {@code 5m}, {@code 15m}, {@code 1h}, {@code 4h}, {@code 1d}. */
    public String label() {
        return label;
    }

    /** Its length in milliseconds. */
    public long ms() {
        return ms;
    }

    /** The start of the candle of this length holding the moment (UTC, from the epoch). */
    public long startOf(long atMs) {
        return Math.floorDiv(atMs, ms) * ms;
    }

    /** The interval the API names so, if any. */
    public static Optional<CandleInterval> named(String label) {
        return Arrays.stream(values()).filter(i -> i.label.equals(label)).findFirst();
    }

    /** Every label, for an error message. */
    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(CandleInterval::label).toList());
    }
}
