package io.gridbot.runner.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gridbot.runner.image.ImageProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's Dockerfile and systemd unit keep their promises about the app image the build makes:
 * no Docker engine is needed to check what the Dockerfile says, and {@code systemd-analyze verify} checks
 * the unit where it exists.
 */
class DeploymentFilesIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void theDockerfileRunsTheImagesGridAsANonRootUserWithItsDataOnAVolume() throws IOException {
        List<String> runStage = runStage(Files.readAllLines(ROOT.resolve("Dockerfile")));
        String stage = String.join("\n", runStage);

        assertThat(runStage.get(0)).isEqualTo("FROM eclipse-temurin:21-jre");
        assertThat(instruction(runStage, "USER")).doesNotStartWith("root").doesNotStartWith("0").matches("\\d+(:\\d+)?");
        assertThat(instruction(runStage, "VOLUME")).isEqualTo("/data");
        assertThat(stage).containsPattern("(?m)^ENV .*GRIDBOT_DATA_DIR=/data\\b");
        assertThat(instruction(runStage, "EXPOSE")).isEqualTo("8080");
        assertThat(instruction(runStage, "HEALTHCHECK")).contains("http://127.0.0.1:8080/health");
        assertThat(instruction(runStage, "ENTRYPOINT")).isEqualTo("[\"/opt/gridbot/bin/grid\"]");
        assertThat(instruction(runStage, "CMD")).isEqualTo("[\"daemon\", \"--http-bind\", \"0.0.0.0\"]");

        Matcher copy = Pattern.compile("(?m)^COPY --from=build /src/(\\S+)/ /opt/gridbot/$").matcher(stage);
        assertThat(copy.find()).as("the app image copied to /opt/gridbot").isTrue();
        Path image = ROOT.resolve(copy.group(1));
        assertThat(image).isEqualTo(ImageProcess.IMAGE);
        assertThat(image.resolve("bin/grid")).as("/opt/gridbot/bin/grid in the image").isExecutable();
        assertThat(image.resolve("lib/grid-runner.jar")).isRegularFile();
    }

    @Test
    void theDockerfileBuildsWithTheWrapperOnAJdkAndIgnoresBuildOutput() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore"));

        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:21-jdk AS build$")
                .containsPattern("(?m)^RUN .*\\./mvnw .*package");
        assertThat(ignored).contains("**/target/", ".git/");
    }

    @Test
    void theTarballHoldsTheImageUnderOneFolderWithBinGridExecutable() throws Exception {
        Path tarball;
        try (var files = Files.list(ImageProcess.IMAGE.getParent())) {
            tarball = files.filter(f -> f.getFileName().toString().matches("gridbot-.+\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new AssertionError("no gridbot-<version>.tar.gz in target"));
        }
        String folder = tarball.getFileName().toString().replace(".tar.gz", "");

        Result listing = ImageProcess.run(List.of("tar", "-tvzf", tarball.toString()), tmp, env -> { }, 60);

        assertThat(listing.exit()).as(listing.err()).isZero();
        assertThat(listing.out().lines()).anyMatch(l -> l.startsWith("-rwxr-xr-x") && l.endsWith(" " + folder + "/bin/grid"))
                .anyMatch(l -> l.endsWith(" " + folder + "/bin/find-jdk.sh"))
                .anyMatch(l -> l.endsWith(" " + folder + "/lib/grid-runner.jar"))
                .anyMatch(l -> l.endsWith(" " + folder + "/completion/grid.bash"))
                .allMatch(l -> l.contains(" " + folder + "/"));
    }

    @Test
    void theSystemdUnitRunsTheDaemonAsItsOwnUserWithHardening() throws IOException {
        Map<String, String> unit = unitSettings(ROOT.resolve("docs/deploy/gridbot.service"));

        assertThat(unit.get("ExecStart")).isEqualTo("/opt/gridbot/bin/grid daemon --data-dir /var/lib/gridbot");
        assertThat(unit.get("User")).isEqualTo("gridbot");
        assertThat(unit.get("Restart")).isEqualTo("on-failure");
        assertThat(unit.get("KillSignal")).isEqualTo("SIGTERM");
        assertThat(unit.get("TimeoutStopSec")).endsWith("s");
        assertThat(Integer.parseInt(unit.get("TimeoutStopSec").replace("s", ""))).isGreaterThanOrEqualTo(30);
        assertThat(unit.get("NoNewPrivileges")).isEqualTo("yes");
        assertThat(unit.get("ProtectSystem")).isEqualTo("strict");
        assertThat(unit.get("ReadWritePaths")).isEqualTo("/var/lib/gridbot");
        assertThat(unit.get("PrivateTmp")).isEqualTo("yes");
        assertThat(unit.get("WantedBy")).isEqualTo("multi-user.target");
    }

    @Test
    void systemdAnalyzeFindsNothingWrongWithTheUnit() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed; the unit's fields are checked above");
        // The unit as installed, but starting this build's image instead of /opt/gridbot, which need not exist here.
        Path unit = Files.writeString(Files.createDirectories(tmp.resolve("units")).resolve("gridbot.service"),
                Files.readString(ROOT.resolve("docs/deploy/gridbot.service"))
                        .replace("/opt/gridbot/", ImageProcess.IMAGE + "/"));

        Result verify = ImageProcess.run(List.of(analyze.toString(), "verify", unit.toString()), tmp, env -> { }, 60);

        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.err() + verify.out()).as("systemd-analyze's complaints").isEmpty();
    }

    /** The lines of the Dockerfile's last stage, continuation lines joined, comments and blanks left out. */
    private static List<String> runStage(List<String> lines) {
        String joined = lines.stream().filter(l -> !l.strip().startsWith("#"))
                .collect(Collectors.joining("\n")).replaceAll("\\\\\n\\s*", " ");
        List<String> instructions = joined.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        int last = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).startsWith("FROM ")) {
                last = i;
            }
        }
        return instructions.subList(last, instructions.size());
    }

    /** The argument of the stage's only (or last) {@code name} instruction. */
    private static String instruction(List<String> stage, String name) {
        return stage.stream().filter(l -> l.startsWith(name + " ")).reduce((a, b) -> b)
                .map(l -> l.substring(name.length() + 1).strip())
                .orElseThrow(() -> new AssertionError("no " + name + " in the Dockerfile's run stage"));
    }

    private static Map<String, String> unitSettings(Path unit) throws IOException {
        return Files.readAllLines(unit).stream().map(String::strip)
                .filter(l -> !l.startsWith("#") && !l.startsWith("[") && l.contains("="))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1),
                        (a, b) -> b));
    }
}
