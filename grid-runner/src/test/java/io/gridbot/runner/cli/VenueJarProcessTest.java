package io.gridbot.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.runner.testing.DaemonProcess;
import io.gridbot.runner.testing.ExampleVenueJar;
import io.gridbot.runner.venue.VenuePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third party's venue jar reaches a real {@code grid} process through {@code GRIDBOT_VENUE_PATH} (issue 17): the
 * example venue's jar in a folder named there is listed by {@code grid venues} and a grid on it passes
 * {@code grid config validate}; without the variable neither knows it; a mistyped entry stops the command with
 * its name (exit 2). The app image's {@code venues/} folder is tested on the image itself (VenueFolderIT).
 */
class VenueJarProcessTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out) {
    }

    private Run grid(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path log = dir.resolve("out-" + System.nanoTime() + ".txt");
        ProcessBuilder builder = new ProcessBuilder(DaemonProcess.command(args)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove(VenuePath.VARIABLE);
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(List.of(args) + " did not end within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    void theExampleVenuesJarOnTheVenuePathIsListedAndAGridOnItIsValid() throws Exception {
        Path venues = dir.resolve("venues");
        ExampleVenueJar.into(venues);
        Path yaml = Files.writeString(dir.resolve("grid.yaml"), """
                name: ex
                exchange: example
                symbol: BTCUSDT
                mode: long
                lowerPrice: 25000
                upperPrice: 27000
                levels: 11
                orderQty: 0.010
                maxPosition: 0.050
                priceTick: 0.1
                qtyStep: 0.001
                minQty: 0.001
                minNotional: 5
                """);
        Map<String, String> env = Map.of(VenuePath.VARIABLE, venues.toString());

        Run listed = grid(env, "venues");
        assertThat(listed.exit()).as(listed.out()).isZero();
        assertThat(listed.out()).contains("example: Example venue (the simulator, with OKX's client order ids)",
                "  GRIDBOT_EXAMPLE_API_KEY (not set; else the stored account's apiKey): ", "binance: ", "okx: ",
                "simulated: ");
        Run valid = grid(env, "config", "validate", "-f", yaml.toString());
        assertThat(valid.exit()).as(valid.out()).isZero();
        assertThat(valid.out()).contains("ex", "valid");

        Run without = grid(Map.of(), "venues");
        assertThat(without.exit()).isZero();
        assertThat(without.out()).doesNotContain("example");
        Run unknown = grid(Map.of(), "config", "validate", "-f", yaml.toString());
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.out()).contains("unknown venue 'example' (venues found: binance, bybit, okx, simulated)");
    }

    @Test
    void aMistypedEntryStopsTheCommandNamingIt() throws Exception {
        String missing = dir.resolve("venuse").toString();

        Run run = grid(Map.of(VenuePath.VARIABLE, missing), "venues");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("GRIDBOT_VENUE_PATH names " + missing + ", which does not exist");
    }
}
