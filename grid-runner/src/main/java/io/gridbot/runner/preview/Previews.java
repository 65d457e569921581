package io.gridbot.runner.preview;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.preview.GridPreviews;
import io.gridbot.core.preview.MarginTable;
import io.gridbot.core.preview.PreviewRequest;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Computes the preview of a valid configuration with the brackets the runner knows, for the form and the command
 * line alike; a leverage or price that cannot be used is a problem naming its field, never an exception.
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
     * @param leverage the leverage, {@code null} for {@link #DEFAULT_LEVERAGE}
     * @param price    the current price, or {@code null}
     */
    public static Outcome of(GridConfig config, BigDecimal leverage, BigDecimal price) {
        BigDecimal lev = leverage == null ? DEFAULT_LEVERAGE : leverage;
        if (lev.compareTo(BigDecimal.ONE) < 0 || lev.compareTo(BigDecimal.valueOf(1000)) > 0) {
            return new Outcome(null, Map.of("leverage", "must be from 1 to 1000, was " + lev.toPlainString()));
        }
        if (price != null && price.signum() <= 0) {
            return new Outcome(null, Map.of("price", "must be above zero, was " + price.toPlainString()));
        }
        MarginTable margins = MarginTables.shipped().find(config.exchange(), config.symbol()).orElse(null);
        PreviewRequest request = new PreviewRequest(config, lev, margins, price);
        var missing = GridPreviews.missing(request);
        if (missing.isPresent()) {
            return new Outcome(null, Map.of("price", missing.get()));
        }
        return new Outcome(PreviewReport.of(config, GridPreviews.of(request), margins), Map.of());
    }
}
