package io.gridbot.runner.web.grid;

import io.gridbot.core.log.LogType;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.config.StoredGrid;
import io.gridbot.persistence.log.LogQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The alert banners' source: every grid's recent alerts, read from the trade log so that grids hosted by any
 * daemon on the database raise them (which entries are alerts is {@link DashboardAlert}'s rule).
 */
public final class AlertFeed {

    /** How far back the banners look. */
    public static final long ALERTS_FOR_MS = 60 * 60 * 1000;
    /** At most this many banners, the newest. */
    public static final int MAX_ALERTS = 10;

    /**
     * How long one reading serves every viewer: each page asks every 3 s, and a reading costs two queries a grid, so
     * viewers share it instead of multiplying it.
     */
    public static final long SHARED_FOR_MS = 2_000;

    private final Database db;
    private final LongSupplier clock;
    private List<DashboardAlert> shared = List.of();
    private long sharedAtMs = Long.MIN_VALUE;

    public AlertFeed(Database db, LongSupplier clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The newest alerts over the last {@value #ALERTS_FOR_MS} ms, newest first: status changes into stop-loss
     * or safe mode, balance warnings and errors. Two indexed reads a grid (its status changes, its warnings
     * and errors), at most once every {@value #SHARED_FOR_MS} ms whoever asks.
     */
    public synchronized List<DashboardAlert> recent() {
        long now = clock.getAsLong();
        if (sharedAtMs != Long.MIN_VALUE && now - sharedAtMs < SHARED_FOR_MS) {
            return shared;
        }
        shared = read(now);
        sharedAtMs = now;
        return shared;
    }

    private List<DashboardAlert> read(long now) {
        long from = Math.max(0, now - ALERTS_FOR_MS);
        List<DashboardAlert> found = new ArrayList<>();
        for (StoredGrid grid : db.configs().list()) {
            String name = grid.config().name();
            for (LogQuery q : List.of(
                    new LogQuery(grid.id(), from, now, Set.of(LogType.INFO), "-> ", 0, MAX_ALERTS),
                    new LogQuery(grid.id(), from, now, Set.of(LogType.WARN, LogType.ERROR), null, 0, MAX_ALERTS))) {
                db.tradeLog().query(q).entries().forEach(e -> DashboardAlert.of(name, e).ifPresent(found::add));
            }
        }
        return found.stream().sorted(Comparator.comparingLong(DashboardAlert::atMs).reversed()).limit(MAX_ALERTS)
                .toList();
    }
}
