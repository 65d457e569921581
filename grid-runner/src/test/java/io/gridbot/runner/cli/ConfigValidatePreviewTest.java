package io.gridbot.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.runner.GridbotMain;
import io.gridbot.runner.testing.GridYaml;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 19: {@code grid config validate} prints the grid's preview after its verdict. */
class ConfigValidatePreviewTest {

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

    private Path workedExample() throws Exception {
        return Files.writeString(dir.resolve("g.yaml"), GridYaml.shortBtc("my_short_grid"));
    }

    /** Line k of 60,000 to 65,000 in 20 lines, snapped to the 0.1 tick: worked here by its own formula. */
    private static BigDecimal line(int k) {
        return new BigDecimal("60000").add(new BigDecimal(5000L * k).divide(new BigDecimal(19), 20, RoundingMode.HALF_UP))
                .setScale(1, RoundingMode.HALF_UP);
    }

    @Test
    void validatePrintsLinesProfitWorstCaseLiquidationAndDistancesAfterItsVerdict() throws Exception {
        assertThat(grid("config", "validate", "-f", workedExample().toString(), "--leverage", "10", "--price", "62000",
                "--data-dir=" + dir.resolve("data"))).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("my_short_grid: short BTCUSDT on simulated, 20 lines", ": valid",
                "lines (20): 60000.0 60263.2 60526.3", "65000.0");

        // Sells rest on lines 1 to 19; 19 × 0.010 = 0.190 fits the cap of 0.200, so all fill.
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 1; k <= 19; k++) {
            sum = sum.add(line(k));
        }
        BigDecimal average = sum.divide(new BigDecimal(19), MathContext.DECIMAL64);
        BigDecimal notional = sum.multiply(new BigDecimal("0.010"));
        // Short, isolated, leverage 10, first bracket (0.4 %, amount 0): (N/10 + N) / (Q × 1.004)
        BigDecimal liquidation = notional.multiply(new BigDecimal("1.1"))
                .divide(new BigDecimal("0.190").multiply(new BigDecimal("1.004")), MathContext.DECIMAL64);
        assertThat(text).contains("worst-case short: 0.190 (19 entries) at an average "
                + average.setScale(1, RoundingMode.HALF_UP).toPlainString());
        assertThat(text).contains("notional " + notional.setScale(4, RoundingMode.HALF_UP).toPlainString());
        assertThat(text).contains("est. liquidation " + liquidation.setScale(1, RoundingMode.HALF_UP).toPlainString()
                + " (maintenance rate 0.4000 %)");
        // The narrowest pair is at the top: (65000.0 - 64736.8) - 0.0002 × (65000.0 + 64736.8), per 64736.8
        BigDecimal net = new BigDecimal("263.2").subtract(new BigDecimal("0.0002").multiply(new BigDecimal("129736.8")));
        assertThat(text).contains("profit per grid after two maker fees of 0.0002: "
                + net.multiply(new BigDecimal(100)).divide(new BigDecimal("64736.8"), MathContext.DECIMAL64)
                        .setScale(4, RoundingMode.HALF_UP).toPlainString() + " %");
        assertThat(text).contains("stop-loss lines: 59700.0 and 65325.0", "from the price 62000:",
                "lower band edge 60000.0: -2000.0 (-3.2258 %)", "upper stop-loss 65325.0: 3325.0 (5.3629 %)");
    }

    @Test
    void aLeverageBelowOneIsRefusedNamingTheOption() throws Exception {
        assertThat(grid("config", "validate", "-f", workedExample().toString(), "--leverage", "0.5",
                "--data-dir=" + dir.resolve("data"))).isEqualTo(2);
        assertThat(err.toString()).contains("--leverage: must be from 1 to 1000, was 0.5").doesNotContain("Exception");
    }

    @Test
    void withoutAPriceTheDistancesAreFromTheVenuesLastAndTheDefaultLeverageIsOne() throws Exception {
        assertThat(grid("config", "validate", "-f", workedExample().toString(), "--data-dir=" + dir.resolve("data")))
                .isZero();
        // the simulated venue tells the price BTCUSDT opens at
        assertThat(out.toString()).contains("at 1x", "  price: 26076.01, simulated's last (--price to measure from another)",
                "from the price 26076.01:");
    }
}
