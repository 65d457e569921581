package io.gridbot.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.machine.GridStatus;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.GridbotMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** FR-1 from the command line, on the embedded database in a temporary data directory. */
class ConfigCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int grid(String... args) {
        CommandLine cli = new CommandLine(new GridbotMain());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private Path file(String levels) throws Exception {
        Path f = dir.resolve("grid-" + levels + ".yaml");
        Files.writeString(f, """
                name: my_short_grid
                exchange: simulated
                symbol: BTCUSDT
                mode: short
                lowerPrice: 60000
                upperPrice: 65000
                levels: %s
                orderQty: 0.010
                maxPosition: 0.200
                priceTick: 0.1
                qtyStep: 0.001
                minNotional: 5
                """.formatted(levels));
        return f;
    }

    @Test
    void AC1_1_to_AC1_6_aGridIsCreatedListedShownUpdatedAndDeleted() throws Exception {
        String data = "--data-dir=" + dir.resolve("data");

        assertThat(grid("config", "create", "-f", file("20").toString(), data)).isZero();
        assertThat(grid("config", "create", "-f", file("20").toString(), data)).isEqualTo(1);
        assertThat(err.toString()).contains("exists already");
        assertThat(grid("config", "list", data)).isZero();
        assertThat(out.toString()).contains("STOPPED", "my_short_grid: short BTCUSDT on simulated, 20 lines");
        assertThat(grid("config", "apply", "-f", file("25").toString(), data)).isZero();
        assertThat(grid("config", "show", "--config", "my_short_grid", data)).isZero();
        assertThat(out.toString()).contains("updated my_short_grid", "25 lines", "tick 0.1");

        try (Database db = Database.open(DatabaseSettings.embedded(dir.resolve("data")))) {
            long id = db.configs().find("my_short_grid").orElseThrow().id();
            db.runtime().saveStatus(id, GridStatus.RUNNING, "test", 1);
        }
        assertThat(grid("config", "update", "-f", file("30").toString(), data)).isEqualTo(1);
        assertThat(grid("config", "delete", "--config", "my_short_grid", data)).isEqualTo(1);
        assertThat(err.toString()).contains("pause it before changing", "stop it before deleting");
    }

    @Test
    void AC1_4_anInvalidFileChangesNothing() throws Exception {
        String data = "--data-dir=" + dir.resolve("data");

        assertThat(grid("config", "create", "-f", file("3").toString(), data)).isEqualTo(1);
        assertThat(err.toString()).contains("levels: must be at least 5");
        grid("config", "list", data);
        assertThat(out.toString()).contains("no grids yet");
    }
}
