package io.gridbot.runner.preview;

import java.io.PrintWriter;

/** A {@link PreviewReport} as the lines {@code grid config validate} prints. */
public final class PreviewText {

    private PreviewText() {
    }

    /** Writes the report, each line indented under the grid's own line. */
    public static void print(PreviewReport r, PrintWriter out) {
        out.println("  lines (" + r.lines().size() + "): " + String.join(" ", r.lines()));
        out.println("  step: " + (r.stepPercent() == null ? r.step() : "ratio " + r.step() + " (" + r.stepPercent() + " %)"));
        out.println("  profit per grid after two maker fees of " + r.makerFeeRate() + ": " + r.profit().lowPercent()
                + " % to " + r.profit().highPercent() + " %, " + r.profit().lowQuote() + " to " + r.profit().highQuote()
                + " quote per order");
        for (PreviewReport.Exposure e : r.worstCases()) {
            out.println("  worst-case " + e.direction() + ": " + e.quantity() + " (" + e.entries() + " entries) at an average "
                    + e.averageEntry() + ", notional " + e.notional() + ", margin " + e.initialMargin() + " at "
                    + r.leverage() + "x, est. liquidation "
                    + (e.liquidation() != null ? e.liquidation() + " (maintenance rate " + e.maintenanceRate() + " %)"
                            : e.note()));
        }
        out.println("  margin brackets: " + r.marginSource());
        out.println("  stop-loss lines: " + r.stopLower() + " and " + r.stopUpper());
        if (r.price() != null) {
            out.println("  from the price " + r.price() + ":");
            r.distances().forEach(g -> out.println("    " + g.mark() + " " + g.target() + ": " + g.amount() + " ("
                    + g.percent() + " %)"));
        }
        out.flush();
    }
}
