package io.gridbot.runner.venue;

import io.gridbot.core.preview.MarginTable;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * The maintenance-margin brackets the venues publish, asked once per venue and symbol and kept for
 * {@value #KEPT_MS} ms: they change rarely, and the form asks for a preview as the user types. A venue that could
 * not be asked, or published none, is asked again after {@value #RETRY_MS} ms, so an unreachable one makes
 * one preview a minute wait for its timeout rather than every one.
 */
final class MarginTierCache {

    static final long KEPT_MS = 3_600_000;
    static final long RETRY_MS = 60_000;

    private record Entry(Optional<MarginTable> table, long atMs) {
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final BiFunction<String, String, Optional<MarginTable>> venue;

    /** @param venue asks the venue for a symbol's brackets: {@code (exchange, symbol) -> table} */
    MarginTierCache(LongSupplier clock, BiFunction<String, String, Optional<MarginTable>> venue) {
        this.clock = clock;
        this.venue = venue;
    }

    Optional<MarginTable> tiers(String exchange, String symbol) {
        long now = clock.getAsLong();
        String key = exchange + '\n' + symbol;
        Entry kept = entries.get(key);
        if (kept != null && now - kept.atMs() < (kept.table().isPresent() ? KEPT_MS : RETRY_MS)) {
            return kept.table();
        }
        Optional<MarginTable> table = venue.apply(exchange, symbol);
        entries.put(key, new Entry(table, now));
        return table;
    }
}
