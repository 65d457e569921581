package io.gridbot.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.runner.GridbotMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A simulated venue fee rate that is no fraction stops the daemon before it opens anything. */
class DaemonFeeRatesTest {

    @TempDir
    Path dir;

    @Test
    void aSimulatedVenueFeeRateThatIsNoFractionIsRefusedBeforeTheDaemonOpensAnything() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new GridbotMain());
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("daemon", "--sim-maker-fee-rate", "2", "--data-dir", dir.resolve("data").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--sim-maker-fee-rate and --sim-taker-fee-rate must be fractions from 0 to "
                + "below 1 (0.0005 is 0.05 %), not 2 and 0.0005").doesNotContain("Exception");
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
    }
}
