package io.gridbot.runner.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.runner.image.ImageProcess.Result;
import io.gridbot.runner.testing.ExampleVenueJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third party's venue jar reaches the app image (issue 17): the image ships an empty {@code venues/} folder, the
 * example venue's jar put there is listed by {@code bin/grid venues}, and {@code java -jar lib/grid-runner.jar}
 * finds it only through {@code GRIDBOT_VENUE_PATH}, working as before without it.
 */
class VenueFolderIT {

    @TempDir
    Path tmp;

    /** A copy of the image (its jar linked, not copied) whose venues/ folder holds the example venue's jar. */
    private Path imageWithTheExampleVenue() throws Exception {
        Path image = tmp.resolve("gridbot");
        Path bin = Files.createDirectories(image.resolve("bin"));
        for (String file : List.of("grid", "find-jdk.sh")) {
            Files.copy(ImageProcess.IMAGE.resolve("bin").resolve(file), bin.resolve(file));
        }
        Files.createSymbolicLink(image.resolve("lib"), ImageProcess.IMAGE.resolve("lib"));
        ExampleVenueJar.into(image.resolve("venues"));
        return image;
    }

    @Test
    void theImageShipsAVenuesFolderAndFindsNoOtherVenueByItself() throws Exception {
        assertThat(ImageProcess.IMAGE.resolve("venues/README.txt")).isRegularFile();

        Result venues = ImageProcess.run(List.of(ImageProcess.grid().toString(), "venues"), tmp, env -> { }, 60);

        assertThat(venues.exit()).as(venues.err()).isZero();
        assertThat(venues.out()).contains("binance: ", "okx: ", "simulated: ").doesNotContain("example");
    }

    @Test
    void aVenueJarInTheImagesVenuesFolderIsListed() throws Exception {
        Path image = imageWithTheExampleVenue();

        Result venues = ImageProcess.run(List.of(image.resolve("bin/grid").toString(), "venues"), tmp, env -> { }, 60);

        assertThat(venues.exit()).as(venues.err()).isZero();
        assertThat(venues.out()).contains("example: Example venue (the simulator, with OKX's client order ids)",
                "binance: ", "okx: ", "simulated: ");
    }

    @Test
    void theRunnersJarFindsAVenueJarThroughTheVenuePathAndRunsAsBeforeWithout() throws Exception {
        Path folder = tmp.resolve("my-venues");
        ExampleVenueJar.into(folder);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                ImageProcess.IMAGE.resolve("lib/grid-runner.jar").toString(), "venues");

        Result with = ImageProcess.run(command, tmp, env -> env.put("GRIDBOT_VENUE_PATH", folder.toString()), 60);
        Result without = ImageProcess.run(command, tmp, env -> env.remove("GRIDBOT_VENUE_PATH"), 60);

        assertThat(with.exit()).as(with.err()).isZero();
        assertThat(with.out()).contains("example: Example venue", "binance: ", "okx: ", "simulated: ");
        assertThat(without.exit()).as(without.err()).isZero();
        assertThat(without.out()).contains("binance: ", "okx: ", "simulated: ").doesNotContain("example");
    }
}
