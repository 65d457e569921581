package io.gridbot.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.runner.venue.SimulatedVenue;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 13: the README's example grid fits the market the jar ships, and its replay example names the
 * shipped series, so a new user who copies them gets a grid that trades instead of one that stop-losses.
 */
class ReadmeExampleTest {

    private static final Path README = Path.of("..", "README.md");

    @TempDir
    Path dir;

    private static String readme() throws Exception {
        return Files.readString(README);
    }

    /** The first YAML block of the section that walks through one's own grid. */
    private static String exampleGrid(String readme) {
        String section = readme.substring(readme.indexOf("## Trying your own grid"));
        Matcher yaml = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertThat(yaml.find()).as("a yaml block in 'Trying your own grid'").isTrue();
        return yaml.group(1);
    }

    private static int run(StringWriter out, String... args) {
        CommandLine cli = new CommandLine(new GridbotMain());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        return cli.execute(args);
    }

    @Test
    void theReplayExampleTakesTheSeriesTheJarShips() throws Exception {
        assertThat(readme()).contains("replay --config-file grid.yaml --prices builtin",
                "unzip -p grid-runner/target/grid-runner.jar\n" + SimulatedVenue.SERIES.substring(1));
    }

    @Test
    void theExampleGridIsValidAndTradesTheShippedSeriesWithoutAStopLoss() throws Exception {
        Path grid = dir.resolve("grid.yaml");
        Files.writeString(grid, exampleGrid(readme()));
        StringWriter validated = new StringWriter();
        assertThat(run(validated, "config", "validate", "-f", grid.toString())).as(validated.toString()).isZero();

        StringWriter out = new StringWriter();
        int code = run(out, "replay", "--config-file", grid.toString(), "--prices", "builtin");

        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("200,000 trades", "status RUNNING", "stop-losses 0");
        Matcher fills = Pattern.compile("trades, ([0-9,]+) fills").matcher(out.toString());
        assertThat(fills.find()).as(out.toString()).isTrue();
        assertThat(Integer.parseInt(fills.group(1).replace(",", ""))).isGreaterThan(100);
    }
}
