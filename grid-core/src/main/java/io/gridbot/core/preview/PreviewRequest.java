package io.gridbot.core.preview;

import io.gridbot.core.config.GridConfig;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a preview is computed from. The maker fee is the configuration's own ({@link GridConfig#makerFeeRate()}).
 *
 * @param config   a valid grid configuration
 * @param leverage the leverage the position would be opened at, at least 1
 * @param margins  the symbol's maintenance-margin brackets on the venue, or {@code null} when unknown (then no
 *                 liquidation price is estimated)
 * @param price    the current price, or {@code null}; percentage spacing without a centre needs it for its lines
 */
public record PreviewRequest(GridConfig config, BigDecimal leverage, MarginTable margins, BigDecimal price) {

    public PreviewRequest {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(leverage, "leverage");
        if (leverage.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("leverage must be at least 1, was " + leverage.toPlainString());
        }
        if (price != null && price.signum() <= 0) {
            throw new IllegalArgumentException("the current price must be above zero, was " + price.toPlainString());
        }
    }
}
