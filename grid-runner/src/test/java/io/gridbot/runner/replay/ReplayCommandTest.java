package io.gridbot.runner.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.runner.GridbotMain;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReplayCommandTest {

    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new GridbotMain());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void aGridFileIsReplayedOverARecordedFileIntoCsv() throws Exception {
        Path prices = dir.resolve("link.csv.gz");
        try (InputStream in = getClass().getResourceAsStream("/io/gridbot/exchange/binance/data/LINKUSDT-1m-2023-02-first3000.csv.gz")) {
            Files.copy(in, prices);
        }
        Path grid = dir.resolve("grid.yaml");
        Files.writeString(grid, """
                name: link_neutral
                exchange: simulated
                symbol: LINKUSDT
                mode: neutral
                lowerPrice: 6.700
                upperPrice: 7.400
                levels: 36
                orderQty: 1.00
                maxPosition: 8.00
                stopLossBufferPct: 3
                priceTick: 0.001
                qtyStep: 0.01
                minQty: 0.01
                minNotional: 5
                """);
        StringWriter out = new StringWriter();

        int code = run(out, new StringWriter(), "replay", "--config-file", grid.toString(), "--prices", prices.toString(),
                "--out", dir.resolve("out").toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("12,000 trades").contains("[##############################] 100%  12,000 trades");
        assertThat(Files.readAllLines(dir.resolve("out/link_neutral-fills.csv")).get(0)).startsWith("time_ms,time_utc");
        assertThat(Files.readAllLines(dir.resolve("out/link_neutral-statistics.csv"))).hasSize(2);
        assertThat(Files.readAllLines(dir.resolve("out/link_neutral-orders.csv")).size()).isGreaterThan(10);
    }

    @Test
    void badInputGetsAClearErrorAndANonZeroExit() throws Exception {
        Path grid = dir.resolve("grid.yaml");
        Files.writeString(grid, "name: x\nlevels: 2\n");
        StringWriter err = new StringWriter();

        int code = run(new StringWriter(), err, "replay", "--config-file", grid.toString(), "--prices", "/nope.csv");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("grid x: symbol: is required", "grid x: priceTick: is required");
    }
}
