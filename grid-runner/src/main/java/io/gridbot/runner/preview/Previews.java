package io.gridbot.runner.preview;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.preview.GridPreviews;
import io.gridbot.core.preview.MarginTable;
import io.gridbot.core.preview.PreviewRequest;
import io.gridbot.runner.venue.VenueListings;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Computes the preview of a valid configuration with the brackets the runner knows, for the form and the command
 * line alike: the venue's own when it publishes them, else the table shipped with the runner ({@link MarginTables}).
 * A leverage or price that cannot be used is a problem naming its field, never an exception.
 */
public final class Previews {

    /** The leverage used when none is given: no borrowed money. */
    public static final BigDecimal DEFAULT_LEVERAGE = BigDecimal.ONE;

    /**
     * A preview's outcome: the report, or each problem by field.
     *
     * @param report   the report, {@code null} when there are problems
     * @param problems field to reason
     */
    public record Outcome(PreviewReport report, Map<String, String> problems) {
    }

    private Previews() {
    }

    /**
     * The preview with the shipped table's brackets only, never asking a venue.
     *
     * @param leverage the leverage, {@code null} for {@link #DEFAULT_LEVERAGE}
     * @param price    the current price, or {@code null}
     */
    public static Outcome of(GridConfig config, BigDecimal leverage, BigDecimal price) {
        return of(config, leverage, price, Optional.empty());
    }

    /**
     * The preview with the brackets {@code venues} publishes for the grid's symbol, else the shipped table's; the
     * report's margin source says which.
     *
     * @param leverage the leverage, {@code null} for {@link #DEFAULT_LEVERAGE}
     * @param price    the current price, or {@code null}
     */
    public static Outcome of(GridConfig config, BigDecimal leverage, BigDecimal price, VenueListings venues) {
        return of(config, leverage, price, venues.marginTiers(config.exchange(), config.symbol()));
    }

    private static Outcome of(GridConfig config, BigDecimal leverage, BigDecimal price, Optional<MarginTable> published) {
        BigDecimal lev = leverage == null ? DEFAULT_LEVERAGE : leverage;
        if (lev.compareTo(BigDecimal.ONE) < 0 || lev.compareTo(BigDecimal.valueOf(1000)) > 0) {
            return new Outcome(null, Map.of("leverage", "must be from 1 to 1000, was " + lev.toPlainString()));
        }
        if (price != null && price.signum() <= 0) {
            return new Outcome(null, Map.of("price", "must be above zero, was " + price.toPlainString()));
        }
        MarginTable margins = published.or(() -> MarginTables.shipped().find(config.exchange(), config.symbol()))
                .orElse(null);
        PreviewRequest request = new PreviewRequest(config, lev, margins, price);
        var missing = GridPreviews.missing(request);
        if (missing.isPresent()) {
            return new Outcome(null, Map.of("price", missing.get()));
        }
        return new Outcome(PreviewReport.of(config, GridPreviews.of(request), margins), Map.of());
    }
}
