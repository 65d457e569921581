package io.gridbot.core.preview;

import io.gridbot.core.stoploss.StopLines;
import java.math.BigDecimal;
import java.util.List;

/**
 * A grid before it trades, exact: build one with {@link GridPreviews#of(PreviewRequest)}.
 *
 * @param lines      every line price, ascending, on the tick
 * @param step       the spacing's step between neighbouring lines
 * @param profit     the profit of one grid after two maker fees, lowest and highest
 * @param worstCases the largest position of each direction the mode trades: one for long or short, two for neutral
 * @param leverage   the leverage the margins are computed at
 * @param stopLines  the stop-loss lines around the band
 * @param price      the current price, or {@code null}
 * @param distances  how far the band edges and stop lines are from the current price; empty without one
 */
public record GridPreview(List<BigDecimal> lines, Step step, ProfitPerGrid profit, List<WorstCase> worstCases,
        BigDecimal leverage, StopLines stopLines, BigDecimal price, List<Distance> distances) {

    public GridPreview {
        lines = List.copyOf(lines);
        worstCases = List.copyOf(worstCases);
        distances = List.copyOf(distances);
    }
}
