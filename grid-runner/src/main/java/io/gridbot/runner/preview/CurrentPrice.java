package io.gridbot.runner.preview;

import io.gridbot.persistence.Database;
import io.gridbot.persistence.runtime.GridRuntimeRepository;
import io.gridbot.runner.venue.VenueListings;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Optional;

/**
 * The price a preview starts from when none is given: the newest one a grid on the same venue and symbol recorded
 * in the last {@value #RECENT_MS} ms, whichever daemon hosts it, else the venue's last trade. A simulated venue
 * knows its market only in the daemon that runs it, so a running grid's price comes first.
 */
public final class CurrentPrice {

    /** How old a running grid's recorded price may be: a few of its daemon's rounds. */
    public static final long RECENT_MS = 10_000;

    private CurrentPrice() {
    }

    /**
     * @param db    the database of the runner's grids, or empty when there is none to read
     * @param nowMs the time the recorded prices are measured against
     * @return the price, or empty when no grid recorded one lately and the venue does not tell it
     */
    public static Optional<BigDecimal> of(Optional<Database> db, VenueListings venues, String exchange, String symbol,
            long nowMs) {
        return db.flatMap(d -> recorded(d, exchange, symbol, nowMs)).or(() -> venues.lastPrice(exchange, symbol));
    }

    private static Optional<BigDecimal> recorded(Database db, String exchange, String symbol, long nowMs) {
        return db.configs().list().stream()
                .filter(g -> g.config().exchange().equals(exchange) && g.config().symbol().equals(symbol))
                .flatMap(g -> db.runtime().mark(g.id()).stream())
                .filter(m -> nowMs - m.atMs() <= RECENT_MS)
                .max(Comparator.comparingLong(GridRuntimeRepository.Mark::atMs))
                .map(GridRuntimeRepository.Mark::price);
    }
}
