package io.gridbot.runner.preview;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.preview.Distance;
import io.gridbot.core.preview.GridPreview;
import io.gridbot.core.preview.Liquidation;
import io.gridbot.core.preview.MarginTable;
import io.gridbot.core.preview.Step;
import io.gridbot.core.preview.WorstCase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * A grid preview as people read it, the one shape both the dashboard's form (as JSON) and
 * {@code grid config validate} (as text, {@link PreviewText}) show: every figure a decimal string, rounded here
 * and only here (prices to the tick, percentages to four places, quote amounts to four places).
 *
 * @param lines         every line price
 * @param stepKind      {@code price} (arithmetic or percentage spacing) or {@code ratio} (geometric)
 * @param step          the price step, or the ratio between neighbouring lines
 * @param stepPercent   the ratio as a percentage rise; {@code null} for a price step
 * @param makerFeeRate  the maker fee the profit is computed with, as a fraction
 * @param profit        the profit per grid after two maker fees, lowest and highest
 * @param leverage      the leverage of the margin and liquidation figures
 * @param worstCases    the largest position of each direction the grid trades
 * @param marginSource  where the maintenance-margin brackets come from, or why there are none
 * @param stopLower     the stop-loss line below the band
 * @param stopUpper     the stop-loss line above the band
 * @param price         the current price, or {@code null}
 * @param distances     how far the band edges and stop lines are from the price; empty without one
 */
public record PreviewReport(List<String> lines, String stepKind, String step, String stepPercent, String makerFeeRate,
        Profit profit, String leverage, List<Exposure> worstCases, String marginSource, String stopLower,
        String stopUpper, String price, List<Gap> distances) {

    /** Profit per grid after fees: percent of the lower line, and quote for one order. */
    public record Profit(String lowPercent, String highPercent, String lowQuote, String highQuote) {
    }

    /**
     * One direction's worst case.
     *
     * @param liquidation the estimated liquidation price, or {@code null} when there is none ({@code note} says why)
     */
    public record Exposure(String direction, int entries, String quantity, String averageEntry, String notional,
            String initialMargin, String maintenanceRate, String liquidation, String note) {
    }

    /** One price's distance from the current price, signed (negative below it). */
    public record Gap(String mark, String target, String amount, String percent) {
    }

    /** The report of a computed preview of {@code config}; {@code margins} is the table used, or {@code null}. */
    public static PreviewReport of(GridConfig config, GridPreview p, MarginTable margins) {
        int tick = Math.max(config.rules().tickSize().stripTrailingZeros().scale(), 0);
        int qty = Math.max(config.rules().stepSize().stripTrailingZeros().scale(), 0);
        String stepKind = p.step() instanceof Step.Ratio ? "ratio" : "price";
        String step = switch (p.step()) {
            case Step.Price s -> plain(s.amount(), tick + 4);
            case Step.Ratio r -> plain(r.ratio(), 8);
        };
        String stepPercent = p.step() instanceof Step.Ratio r ? plain(r.percent(), 4) : null;
        List<Exposure> exposures = p.worstCases().stream().map(w -> exposure(w, tick, qty)).toList();
        String source = margins == null
                ? "no maintenance-margin table is known for " + config.symbol() + " on " + config.exchange()
                        + ": the liquidation estimate is not available"
                : margins.source();
        List<Gap> gaps = p.distances().stream().map(d -> new Gap(mark(d.mark()), plain(d.target(), tick),
                plain(d.amount(), tick), plain(d.percent(), 4))).toList();
        return new PreviewReport(p.lines().stream().map(l -> plain(l, tick)).toList(), stepKind, step, stepPercent,
                config.makerFeeRate().stripTrailingZeros().toPlainString(),
                new Profit(plain(p.profit().lowPercent(), 4), plain(p.profit().highPercent(), 4),
                        plain(p.profit().lowQuote(), 4), plain(p.profit().highQuote(), 4)),
                p.leverage().stripTrailingZeros().toPlainString(), exposures, source, plain(p.stopLines().lower(), tick),
                plain(p.stopLines().upper(), tick), p.price() == null ? null : p.price().toPlainString(), gaps);
    }

    private static Exposure exposure(WorstCase w, int tick, int qty) {
        String liquidation = null;
        String note = null;
        switch (w.liquidation()) {
            case Liquidation.At at -> liquidation = plain(at.price(), tick);
            case Liquidation.Never n -> note = "the margin covers the whole position: no fall liquidates it";
            case Liquidation.Unknown u -> note = "not available: no maintenance-margin table for this symbol";
        }
        return new Exposure(w.direction().name().toLowerCase(Locale.ROOT), w.entries(), plain(w.quantity(), qty),
                plain(w.averageEntry(), tick), plain(w.notional(), 4), plain(w.initialMargin(), 4),
                w.tier() == null ? null : plain(w.tier().rate().multiply(BigDecimal.valueOf(100)), 4), liquidation, note);
    }

    private static String mark(Distance.Mark mark) {
        return switch (mark) {
            case LOWER_STOP -> "lower stop-loss";
            case LOWER_EDGE -> "lower band edge";
            case UPPER_EDGE -> "upper band edge";
            case UPPER_STOP -> "upper stop-loss";
        };
    }

    private static String plain(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
}
