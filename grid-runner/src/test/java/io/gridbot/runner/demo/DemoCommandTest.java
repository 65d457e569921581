package io.gridbot.runner.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.runner.GridbotMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {

    @Test
    void theDemoRunsOfflineToTheEndAndPrintsASummary() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new GridbotMain());
        cli.setOut(new PrintWriter(out));

        int code = cli.execute("demo");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("100 %", "summary after 200,000 market trades", "realized PnL",
                "grid status        RUNNING");
    }
}
