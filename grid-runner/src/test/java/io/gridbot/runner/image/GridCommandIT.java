package io.gridbot.runner.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.runner.image.ImageProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app image's {@code bin/grid} run as a user runs it: it finds a Java, runs the CLI, and says what is missing. */
class GridCommandIT {

    @TempDir
    Path tmp;

    @Test
    void versionPrintsTheVersionOnStdoutAndNothingElse() throws Exception {
        Result version = ImageProcess.run(List.of(ImageProcess.grid().toString(), "--version"), tmp, env -> { }, 60);

        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("gridbot ");
        assertThat(version.err()).isEmpty();
    }

    @Test
    void verboseSaysWhichJavaItRunsOn() throws Exception {
        Result verbose = ImageProcess.run(List.of(ImageProcess.grid().toString(), "-v", "--version"), tmp, env -> { }, 60);

        assertThat(verbose.exit()).as(verbose.err()).isZero();
        assertThat(verbose.err()).startsWith("grid: using Java ").contains(" at " + System.getProperty("java.home"));
        assertThat(verbose.out()).startsWith("gridbot ");
    }

    @Test
    void withNoJavaHomeAndNoJdkInThePlacesItSaysWhatToInstall() throws Exception {
        Result missing = ImageProcess.run(List.of(ImageProcess.grid().toString(), "--version"), tmp,
                env -> env.put("GRIDBOT_JDK_DIRS", tmp.resolve("nowhere").toString()), 30);

        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).startsWith("grid: gridbot needs Java 21 or newer")
                .contains("found none in JAVA_HOME or " + tmp.resolve("nowhere"))
                .contains("install a JDK 21 or newer, e.g. `apt install openjdk-21-jdk` or Temurin from https://adoptium.net");
    }

    @Test
    void runsThroughAChainOfSymlinksFromAnotherFolder() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("usr/local/bin"));
        Path link = Files.createSymbolicLink(bin.resolve("grid"), ImageProcess.grid());
        Path relative = Files.createSymbolicLink(tmp.resolve("g"), tmp.relativize(link));

        try {
            for (Path command : List.of(link, relative)) {
                Result version = ImageProcess.run(List.of(command.toString(), "--version"), tmp, env -> { }, 60);

                assertThat(version.exit()).as(version.err()).isZero();
                assertThat(version.out()).startsWith("gridbot ");
            }
        } finally { // links, not the image they point at, are this test's to remove
            Files.delete(relative);
            Files.delete(link);
        }
    }

    @Test
    void theDemoRunsAndStatusThenReadsItsDatabaseWithAClassDataArchive() throws Exception {
        Path data = tmp.resolve("data");
        Path grid = ImageProcess.grid();

        Result demo = ImageProcess.run(List.of(grid.toString(), "demo", "--data-dir", data.toString()), tmp,
                env -> { }, 300);
        Result status = ImageProcess.run(List.of(grid.toString(), "status", "--config", "demo_short_grid",
                "--data-dir", data.toString()), tmp, env -> { }, 120);

        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("stored in").contains(data.toString());
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).startsWith("demo_short_grid: short BTCUSDT").doesNotContain("[warning]");
        assertThat(status.err()).doesNotContain("[warning]").doesNotContain("cds");
        try (var archives = Files.list(tmp.resolve("gridbot"))) {
            assertThat(archives.map(p -> p.getFileName().toString())).singleElement().asString().endsWith(".jsa");
        }
    }

    @Test
    void javaOptionsFromTheEnvironmentReachTheJvm() throws Exception {
        Result wrong = ImageProcess.run(List.of(ImageProcess.grid().toString(), "--version"), tmp,
                env -> env.put("GRIDBOT_JAVA_OPTS", "-XX:+NoSuchOptionForGridbot"), 60);

        assertThat(wrong.exit()).isNotZero();
        assertThat(wrong.err()).contains("NoSuchOptionForGridbot");
    }
}
