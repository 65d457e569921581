package io.gridbot.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.status.GridStatus;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.GridbotMain;
import io.gridbot.runner.testing.GridYaml;
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
        return write("grid-" + levels + ".yaml", yaml("my_short_grid").replace("levels: 20", "levels: " + levels));
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    /** A grid that fits the simulated venue's BTCUSDT. */
    private static String yaml(String name) {
        return GridYaml.shortBtc(name);
    }

    private String data() {
        return "--data-dir=" + dir.resolve("data");
    }

    private void markStatus(String grid, GridStatus status) {
        try (Database db = Database.open(DatabaseSettings.embedded(dir.resolve("data")))) {
            db.runtime().saveStatus(db.configs().find(grid).orElseThrow().id(), status, "test", 1);
        }
    }

    private java.util.List<String> stored() {
        try (Database db = Database.open(DatabaseSettings.embedded(dir.resolve("data")))) {
            return db.configs().list().stream().map(g -> g.config().name()).toList();
        }
    }

    private void resetOutput() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
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

    @Test
    void secondGridOnASymbolIsRefusedNamingTheHolder() throws Exception {
        assertThat(grid("config", "apply", "-f", write("a.yaml", yaml("holder")).toString(), data())).isZero();
        markStatus("holder", GridStatus.RUNNING);
        Path second = write("b.yaml", yaml("second"));
        resetOutput();

        assertThat(grid("config", "validate", "-f", second.toString(), data())).as(err.toString()).isEqualTo(1);
        assertThat(err.toString()).contains("second", "symbol", "BTCUSDT", "'holder'");
        assertThat(grid("config", "apply", "-f", second.toString(), data())).isEqualTo(1);
        assertThat(err.toString()).contains("'holder'");
        assertThat(stored()).containsExactly("holder");

        markStatus("holder", GridStatus.STOPPED); // stopped and flat: it no longer holds the symbol
        assertThat(grid("config", "apply", "-f", second.toString(), data())).as(err.toString()).isZero();
        assertThat(stored()).containsExactly("holder", "second");
    }

    @Test
    void theExchangeMustBeOneTheRunnerTradesAndTheSymbolMustBeListedOnIt() throws Exception {
        Path kraken = write("k.yaml", yaml("k").replace("exchange: simulated", "exchange: kraken"));
        assertThat(grid("config", "validate", "-f", kraken.toString(), data())).isEqualTo(1);
        assertThat(err.toString()).contains("exchange:", "kraken", "simulated", "binance");

        for (String later : new String[] {"kraken", "kucoin"}) { // no provider is on the path for these
            resetOutput();
            Path file = write(later + ".yaml", yaml(later).replace("exchange: simulated", "exchange: " + later));
            assertThat(grid("config", "validate", "-f", file.toString(), data())).isEqualTo(1);
            assertThat(err.toString()).contains("grid " + later + ": exchange: unknown venue '" + later
                    + "' (venues found: binance, bybit, okx, simulated)");
        }

        resetOutput();
        Path eth = write("e.yaml", yaml("e").replace("symbol: BTCUSDT", "symbol: ETHUSDT"));
        assertThat(grid("config", "apply", "-f", eth.toString(), data())).isEqualTo(1);
        assertThat(err.toString()).contains("symbol:", "ETHUSDT", "BTCUSDT");
        assertThat(stored()).isEmpty();
    }

    @Test
    void rulesThatDisagreeWithTheVenueAreRefusedNamingBothValues() throws Exception {
        Path fine = write("t.yaml", yaml("t").replace("priceTick: 0.1", "priceTick: 0.01"));
        assertThat(grid("config", "validate", "-f", fine.toString(), data())).isEqualTo(1);
        assertThat(err.toString()).contains("priceTick:", "0.01", "0.1");

        resetOutput();
        Path small = write("m.yaml", yaml("m").replace("minNotional: 5", "minNotional: 1"));
        assertThat(grid("config", "apply", "-f", small.toString(), data())).isEqualTo(1);
        assertThat(err.toString()).contains("minNotional:", "1", "5");
        assertThat(stored()).isEmpty();
    }

    @Test
    void numbersTheDatabaseCannotKeepAreFieldErrorsAtOnceAndNothingIsStored() throws Exception {
        java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("upperPrice", "upperPrice: 1.0e+999999999");
        cases.put("qtyStep", "qtyStep: 0.0000000000000000001");
        cases.put("maxPosition", "maxPosition: 123456789012345678901234");
        cases.put("minNotional", "minNotional: 1e-2147483647");
        cases.put("lowerPrice", "lowerPrice: 1e+9999999999");
        for (var c : cases.entrySet()) {
            String field = c.getKey();
            String yaml = yaml("n").lines().map(l -> l.startsWith(field + ":") ? c.getValue() : l)
                    .collect(java.util.stream.Collectors.joining("\n")) + "\n";
            Path f = write(field + ".yaml", yaml);
            for (String command : new String[] {"validate", "apply"}) {
                resetOutput();
                int code = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                        () -> grid("config", command, "-f", f.toString(), data()), c.getValue());
                assertThat(code).as(command + " " + c.getValue()).isEqualTo(1);
                assertThat(err.toString()).as(c.getValue()).contains(field + ":").doesNotContain("Exception", "\tat ");
            }
        }
        assertThat(stored()).isEmpty();
    }

    @Test
    void duplicateKeysAreAFieldError() throws Exception {
        Path f = write("d.yaml", yaml("d") + "levels: 30\n");
        assertThat(grid("config", "validate", "-f", f.toString(), data())).isEqualTo(1);
        assertThat(err.toString()).contains("levels:", "twice");
        assertThat(grid("config", "apply", "-f", f.toString(), data())).isEqualTo(1);
        assertThat(stored()).isEmpty();
    }
}
