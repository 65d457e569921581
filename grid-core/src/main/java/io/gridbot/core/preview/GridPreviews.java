package io.gridbot.core.preview;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.spacing.Spacing;
import io.gridbot.core.stoploss.StopLines;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Computes a {@link GridPreview}: the lines come from {@link GridLadder} exactly as the grid builds them, the
 * stop lines from {@link StopLines}, the worst-case position from the position limit ({@link WorstCases}).
 */
public final class GridPreviews {

    static final MathContext MATH = Spacing.MATH;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private GridPreviews() {
    }

    /**
     * Why no preview can be computed for this request, empty when one can: percentage spacing without a centre
     * places its lines around the price at first start, so it needs a current price.
     */
    public static Optional<String> missing(PreviewRequest request) {
        if (request.config().spacing().needsMarketPrice() && request.price() == null) {
            return Optional.of("percentage spacing without a centre price places its lines around the price at first "
                    + "start: give a centre price or the current price to see them");
        }
        return Optional.empty();
    }

    /**
     * The preview of a valid configuration.
     *
     * @throws IllegalArgumentException when {@link #missing} names a reason, or the configuration's lines cannot
     *                                  be built (it was not validated)
     */
    public static GridPreview of(PreviewRequest request) {
        missing(request).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        GridConfig c = request.config();
        BigDecimal tick = c.rules().tickSize();
        List<BigDecimal> exact = c.spacing().lines(c.lowerPrice(), c.upperPrice(), c.levels(), tick, request.price());
        GridLadder ladder = GridLadder.build(c.spacing(), c.lowerPrice(), c.upperPrice(), c.levels(), tick,
                request.price());
        StopLines stops = StopLines.of(ladder, c.stopLossBufferPct());
        List<WorstCase> worst = new ArrayList<>(2);
        if (c.mode() != GridMode.SHORT) {
            worst.add(WorstCases.of(WorstCase.Direction.LONG, ladder, c, request));
        }
        if (c.mode() != GridMode.LONG) {
            worst.add(WorstCases.of(WorstCase.Direction.SHORT, ladder, c, request));
        }
        return new GridPreview(ladder.prices(), step(c.spacing(), exact), profit(ladder, c), worst, request.leverage(),
                stops, request.price(), distances(ladder, stops, request.price()));
    }

    /** The spacing's own step, read off its first two exact lines. */
    private static Step step(Spacing spacing, List<BigDecimal> exact) {
        if (spacing instanceof Spacing.Geometric) {
            BigDecimal ratio = exact.get(1).divide(exact.get(0), MATH);
            return new Step.Ratio(ratio, ratio.subtract(BigDecimal.ONE).multiply(HUNDRED));
        }
        return new Step.Price(exact.get(1).subtract(exact.get(0)));
    }

    /** Per pair of snapped lines: (hi − lo) − fee × (lo + hi) per unit, a buy at lo and a sell at hi. */
    private static ProfitPerGrid profit(GridLadder ladder, GridConfig c) {
        BigDecimal fee = c.makerFeeRate();
        BigDecimal lowPct = null;
        BigDecimal highPct = null;
        BigDecimal lowQuote = null;
        BigDecimal highQuote = null;
        for (int i = 1; i < ladder.size(); i++) {
            BigDecimal lo = ladder.price(i - 1);
            BigDecimal hi = ladder.price(i);
            BigDecimal net = hi.subtract(lo).subtract(fee.multiply(lo.add(hi)));
            BigDecimal pct = net.multiply(HUNDRED).divide(lo, MATH);
            BigDecimal quote = net.multiply(c.orderQty());
            lowPct = lowPct == null ? pct : lowPct.min(pct);
            highPct = highPct == null ? pct : highPct.max(pct);
            lowQuote = lowQuote == null ? quote : lowQuote.min(quote);
            highQuote = highQuote == null ? quote : highQuote.max(quote);
        }
        return new ProfitPerGrid(lowPct, highPct, lowQuote, highQuote);
    }

    private static List<Distance> distances(GridLadder ladder, StopLines stops, BigDecimal price) {
        if (price == null) {
            return List.of();
        }
        return List.of(distance(Distance.Mark.LOWER_STOP, stops.lower(), price),
                distance(Distance.Mark.LOWER_EDGE, ladder.lowest(), price),
                distance(Distance.Mark.UPPER_EDGE, ladder.highest(), price),
                distance(Distance.Mark.UPPER_STOP, stops.upper(), price));
    }

    private static Distance distance(Distance.Mark mark, BigDecimal target, BigDecimal price) {
        BigDecimal amount = target.subtract(price);
        return new Distance(mark, target, amount, amount.multiply(HUNDRED).divide(price, MATH));
    }
}
