package io.gridbot.runner.cli;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.spacing.Spacing;
import io.gridbot.runner.web.grid.ConfigDocument;
import io.gridbot.runner.web.grid.GridRow;
import io.gridbot.runner.web.grid.GridSnapshot;
import io.gridbot.runner.web.grid.LogPage;
import io.gridbot.runner.web.grid.StatisticsReport;
import io.gridbot.stats.metrics.Rounding;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The commands' answers for people, written from the very documents {@code --output json} prints (those the API
 * serves), so the text and the machine-readable answers never say different things.
 */
final class GridText {

    private GridText() {
    }

    /** What a command says of a grid name nothing is stored under. */
    static String noSuchGrid(String name) {
        return "no grid named '" + name + "'; 'grid config list' shows the stored ones";
    }

    /** One line for a grid: name, mode, symbol, venue, lines, band, order size and cap. */
    static String describe(GridConfig grid) {
        return String.format("%s: %s %s on %s, %d lines from %s to %s, %s each, max position %s", grid.name(),
                grid.mode().name().toLowerCase(Locale.ROOT), grid.symbol(), grid.exchange(), grid.levels(),
                bound(grid.lowerPrice()), bound(grid.upperPrice()), grid.orderQty().toPlainString(),
                grid.maxPosition().toPlainString());
    }

    /** {@code grid config list}. */
    static void configList(PrintWriter out, List<ConfigDocument> configs) {
        if (configs.isEmpty()) {
            out.println("no grids yet: create one with 'grid config create -f grid.yaml'");
        }
        configs.forEach(c -> out.printf("%-10s %s%n", c.status(), describe(c.config())));
    }

    /** {@code grid config show}. */
    static void configShow(PrintWriter out, ConfigDocument document) {
        GridConfig c = document.config();
        out.println(describe(c));
        out.printf("  status %s, spacing %s, stop-loss buffer %s %%, refresh %d ms, %s, %s, maker fee %s%n",
                document.status(), spacing(c), c.stopLossBufferPct().toPlainString(), c.refreshIntervalMs(),
                c.timeInForce(), c.positionMode(), c.makerFeeRate().toPlainString());
        out.printf("  tick %s, step %s, min qty %s, min notional %s, open-order cap %d, protective stop %s%n",
                c.rules().tickSize().toPlainString(), c.rules().stepSize().toPlainString(),
                c.rules().minQty().toPlainString(), c.rules().minNotional().toPlainString(), c.rules().maxOpenOrders(),
                c.protectiveStop() ? "on" : "off");
    }

    /** {@code grid status} of every grid: a table. */
    static void statusList(PrintWriter out, List<GridRow> rows) {
        if (rows.isEmpty()) {
            out.println("no grids yet: create one with 'grid config create -f grid.yaml'");
            return;
        }
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"NAME", "EXCHANGE", "SYMBOL", "MODE", "STATE", "POSITION", "PNL (USDT)", "WORKING"});
        rows.forEach(r -> table.add(new String[] {r.name(), r.exchange(), r.symbol(),
            r.mode().toLowerCase(Locale.ROOT), r.status(), r.position(), money(Rounding.quote(r.symbol()), r.totalPnl()),
            r.workingEntries() + " entries, " + r.workingExits() + " exits"}));
        int[] widths = new int[table.get(0).length];
        table.forEach(line -> {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        });
        table.forEach(line -> {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                text.append(i == line.length - 1 ? line[i] : String.format("%-" + (widths[i] + 2) + "s", line[i]));
            }
            out.println(text.toString().stripTrailing());
        });
    }

    /** {@code grid status --config NAME}: the grid, its state and PnL, and its latest warnings and errors. */
    static void status(PrintWriter out, GridSnapshot s, ConfigDocument config, LogPage warnings) {
        GridRow r = s.row();
        out.println(describe(config.config()));
        out.printf("  state %s; position %s; working orders: %d entries, %d exits%n", r.status(), r.position(),
                r.workingEntries(), r.workingExits());
        String valuedAt = s.priceAtMs() == null || r.lastPrice() == null ? "at the last recorded price"
                : "at the market " + r.lastPrice() + " (" + Math.max(0, (s.atMs() - s.priceAtMs()) / 1000) + " s ago)";
        Rounding round = Rounding.of(config.config().rules());
        out.printf("  PnL: realized %s, fees %s, unrealized %s %s, total %s USDT%n", money(round, r.realizedPnl()),
                money(round, s.fees()), money(round, r.unrealizedPnl()), valuedAt, money(round, r.totalPnl()));
        out.println(warnings.entries().isEmpty() ? "  no warnings or errors" : "  latest warnings and errors:");
        warnings.entries().forEach(e -> out.printf("    %s %-5s %s%n", Instant.ofEpochMilli(e.atMs()), e.type(),
                firstLine(e.detail())));
    }

    /** {@code grid stats}: money to the quote asset's precision, percentages to two places, positions to the step. */
    static void statistics(PrintWriter out, StatisticsReport s, Rounding round) {
        out.printf("%s, %s%n", s.grid(), s.period());
        out.printf("  trades %d (%d entries, %d exits), cancels %d, fill rate %s, average time to fill %s%n",
                s.totalTrades(), s.filledEntries(), s.filledExits(), s.canceledOrders(),
                s.fillRate() == null ? "-" : Rounding.percent(new BigDecimal(s.fillRate()).movePointRight(2)) + " %",
                s.avgTimeToFillMs() == null ? "-" : (s.avgTimeToFillMs() / 1000) + " s");
        out.printf("  realized %s, fees %s, funding %s, unrealized %s, total %s USDT%n", money(round, s.realizedPnl()),
                money(round, s.fees()), money(round, s.funding()), money(round, s.unrealizedPnl()),
                money(round, s.totalPnl()));
        out.printf("  yield %s %%/day, max drawdown %s (%s %%), positions: max %s, average %s, now %s, stop-losses %d%n",
                percent(s.yieldPctPerDay()), money(round, s.maxDrawdown()), percent(s.maxDrawdownPct()),
                quantity(round, s.maxPosition()), quantity(round, s.avgPosition()), quantity(round, s.currentPosition()),
                s.stopLossCount());
        if (s.legs() != null) {
            for (var leg : List.of(Map.entry("long ", s.legs().longLeg()),
                    Map.entry("short", s.legs().shortLeg()))) {
                out.printf("  %s leg: realized %s, fills %d, position %s%n", leg.getKey(),
                        money(round, leg.getValue().realizedPnl()), leg.getValue().fills(),
                        quantity(round, leg.getValue().position()));
            }
        }
        s.positionPerLevel().forEach((level, qty) -> {
            if (new BigDecimal(qty).signum() != 0) {
                out.printf("  line %4d  %s%n", level, quantity(round, qty));
            }
        });
    }

    /** {@code grid logs}: newest first, then where more are. */
    static void logs(PrintWriter out, LogPage page, int pageNumber) {
        for (LogPage.Row e : page.entries()) {
            out.printf("%s %-5s %s%s%s%n", Instant.ofEpochMilli(e.atMs()), e.type(),
                    e.line() == null ? "" : "[line " + e.line() + "] ", firstLine(e.detail()),
                    e.clientOrderId() == null ? "" : "  (" + e.clientOrderId() + ")");
        }
        if (page.entries().isEmpty()) {
            out.println("no entries");
        } else if (page.more()) {
            out.printf("… more on page %d (--page %d)%n", pageNumber + 1, pageNumber + 1);
        }
    }

    private static String spacing(GridConfig c) {
        return switch (c.spacing()) {
            case Spacing.Arithmetic a -> "arithmetic";
            case Spacing.Geometric g -> "geometric";
            case Spacing.Percentage p -> "percentage " + p.percent().toPlainString() + " %"
                    + (p.centre() == null ? " around the first price" : " around " + p.centre().toPlainString());
        };
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    private static String bound(BigDecimal value) {
        return value == null ? "(from the centre)" : value.toPlainString();
    }

    /** An exact decimal string of the documents, for people. */
    private static String money(Rounding round, String amount) {
        return round.money(amount == null ? null : new BigDecimal(amount));
    }

    private static String quantity(Rounding round, String qty) {
        return round.quantity(qty == null ? null : new BigDecimal(qty));
    }

    private static String percent(String pct) {
        return Rounding.percent(pct == null ? null : new BigDecimal(pct));
    }
}
