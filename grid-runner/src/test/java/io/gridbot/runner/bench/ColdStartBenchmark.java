package io.gridbot.runner.bench;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cold start: from launching a daemon JVM to a live, reconciled 200-line grid with its 150 entries resting on
 * the venue. The grid is recorded as running (a daemon stopped with it running), so the new daemon restarts it
 * on its own: JVM start, database open and migration check, restore, venue snapshot, first price, placement.
 * Measured on a plain JVM and with a class-data-sharing archive of the runner's classes.
 * Not a test: run with {@code ./mvnw -q -pl grid-runner exec:exec@cold-start-bench} after an install (it starts
 * the installed {@code grid-runner.jar}).
 */
public final class ColdStartBenchmark {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);
    private static final int ENTRIES = 150;

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        series("plain JVM", runs, List.of());
        // A class-data-sharing archive of the runner's classes, made by a first run that is not counted.
        Path archive = Files.createTempDirectory("gridbot-cds").resolve("gridbot.jsa");
        List<String> cds = List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive);
        once(cds);
        series("with a CDS archive", runs, cds);
    }

    private static void series(String what, int runs, List<String> jvmOptions) throws Exception {
        long[] ms = new long[runs];
        for (int run = 0; run < runs; run++) {
            ms[run] = once(jvmOptions);
            System.out.printf("  %s, run %d: %d ms%n", what, run + 1, ms[run]);
        }
        Arrays.sort(ms);
        System.out.printf("cold start (%s) to a live 200-line grid with %d entries resting: median %d ms, best %d ms, "
                + "worst %d ms%n", what, ENTRIES, ms[runs / 2], ms[0], ms[runs - 1]);
    }

    private static long once(List<String> jvmOptions) throws Exception {
        Path dir = Files.createTempDirectory("gridbot-cold-start");
        long id;
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            // Above the recorded series' opening price (about 26,076), so every line of the band is a sell entry's.
            id = db.configs().create(GridConfig.builder("cold", BTC).mode(GridMode.SHORT)
                    .band(new BigDecimal("26100"), new BigDecimal("30100")).levels(200).orderQty(new BigDecimal("0.001"))
                    .maxPosition(new BigDecimal("0.150")).stopLossBufferPct(new BigDecimal("5")).build(), 0);
            // Recorded as running by a daemon that stopped a minute ago: its lease has run out.
            db.runtime().saveStatus(id, GridStatus.RUNNING, "a stopped daemon", System.currentTimeMillis() - 60_000);
        }
        Path state = dir.resolve("simulated-venue.state");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long started = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", runnerJar().toString(), "daemon", "--speed", "60", "--http-port", "0", "--data-dir",
                dir.toString()));
        Process daemon = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("daemon.log").toFile()).start();
        try {
            while (entriesResting(state) < ENTRIES) {
                if (!daemon.isAlive() || System.nanoTime() - started > 60_000_000_000L) {
                    throw new IllegalStateException("no live grid within 60 s; see " + dir.resolve("daemon.log"));
                }
                Thread.sleep(5);
            }
            return (System.nanoTime() - started) / 1_000_000;
        } finally {
            daemon.destroy();
            daemon.waitFor();
        }
    }

    /** The runner jar users start (a class-data-sharing archive covers classes from jars only). */
    private static Path runnerJar() {
        for (Path candidate : List.of(Path.of("target", "grid-runner.jar"), Path.of("grid-runner", "target", "grid-runner.jar"))) {
            if (Files.exists(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("no grid-runner.jar: run ./mvnw -q install -DskipTests first");
    }

    private static long entriesResting(Path state) {
        if (!Files.exists(state)) {
            return 0;
        }
        try {
            SimulatedExchange venue = new SimulatedExchange(new SimClock(0), SimSettings.defaults())
                    .list(BTC, new BigDecimal("26076.01")).persistTo(state);
            return venue.openOrders("BTCUSDT").stream().filter(o -> o.type() == OrderType.LIMIT).count();
        } catch (Exception e) {
            return 0; // the file is being replaced; look again
        }
    }
}
