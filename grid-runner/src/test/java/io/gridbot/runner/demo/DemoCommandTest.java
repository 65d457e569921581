package io.gridbot.runner.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.runner.GridbotMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void theDemoRunsOfflineToTheEndPrintsASummaryAndLeavesItsLogInTheDatabase() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new GridbotMain());
        cli.setOut(new PrintWriter(out));
        String data = "--data-dir=" + dir;

        assertThat(cli.execute("demo", data)).isZero();
        assertThat(out.toString()).contains("100 %", "summary after 200,000 market trades", "realized PnL",
                "grid status        RUNNING");

        assertThat(cli.execute("logs", "--config", "demo_short_grid", "--type", "FILL", "--size", "3", data)).isZero();
        assertThat(out.toString()).contains("FILL ", "filled", "more on page 1");
        assertThat(cli.execute("stats", "--config", "demo_short_grid", "--capital", "10000", data)).isZero();
        assertThat(out.toString()).contains("trades 885 (450 entries, 435 exits)", "realized 185.51");
        assertThat(cli.execute("export", "--config", "demo_short_grid", "--out", dir.resolve("csv").toString(), data))
                .isZero();
        assertThat(dir.resolve("csv/demo_short_grid-orders.csv")).exists();
        // a second demo replaces the first's grid: it was left stopped, so it may be edited
        assertThat(cli.execute("demo", data)).isZero();
        assertThat(storedMinutes()).as("the replayed grid's price chart: one candle per recorded minute, replaced by "
                + "the second demo (issue 19)").isEqualTo(50_000);
    }

    private int storedMinutes() {
        try (var db = io.gridbot.persistence.Database.open(io.gridbot.persistence.DatabaseSettings.embedded(dir))) {
            long id = db.configs().find("demo_short_grid").orElseThrow().id();
            return db.candles().minutes(id, 0, Long.MAX_VALUE).size();
        }
    }

    @Test
    void theDemoGridHoldsNoSymbolOnceItsReplayVenueIsGone() {
        CommandLine cli = new CommandLine(new GridbotMain());
        cli.setOut(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("demo", "--data-dir=" + dir)).isZero();

        // Its ledger ends short (450 entries, 435 exits), but on a venue that lived in the demo's process only.
        try (var db = io.gridbot.persistence.Database.open(io.gridbot.persistence.DatabaseSettings.embedded(dir))) {
            assertThat(db.configs().holderOfSymbol("simulated", "BTCUSDT", null)).isEmpty();
        }
    }
}
