package io.gridbot.runner.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's search for a Java 21 or newer, over fake JDK folders that hold only a release file and
 * bin/java and bin/javac, and the build's shell finder agreeing with it.
 */
class JdkSearchTest {

    @TempDir
    Path root;

    @Test
    void theNewestJdkAtOrAbove21WinsAndTheFirstOnATie() {
        InstalledJdk a = new InstalledJdk(new File("/a"), 17);
        InstalledJdk b = new InstalledJdk(new File("/b"), 21);
        InstalledJdk c = new InstalledJdk(new File("/c"), 25);
        InstalledJdk d = new InstalledJdk(new File("/d"), 25);

        assertThat(JdkSearch.newest(List.of(a, b, c, d), 21)).isEqualTo(c);
        assertThat(JdkSearch.newest(List.of(a), 21)).isNull();
        assertThat(JdkSearch.newest(List.of(), 21)).isNull();
    }

    @Test
    void readsTheVersionFromTheReleaseFile() throws IOException {
        assertThat(JdkSearch.major(jdk("jvm/temurin-25", "25.0.1").toFile())).isEqualTo(25);
        assertThat(JdkSearch.major(jdk("jvm/old-8", "1.8.0_392").toFile())).isEqualTo(8);
        assertThat(JdkSearch.major(Files.createDirectories(root.resolve("jvm/no-release")).toFile())).isZero();
    }

    @Test
    void searchesThePlacesInOrderAndPicksTheNewest() throws IOException {
        jdk("jvm/java-17", "17.0.15");
        Path j21 = jdk("jvm/java-21", "21.0.4");
        Path j25 = jdk("opt/jdk-25", "25.0.1");
        jdk("opt/other-26", "26"); // not named by "jdk*"
        String places = root + "/jvm/*:" + root + "/opt/jdk*";

        assertThat(JdkSearch.find(null, places, "/home/nobody")).isEqualTo(new InstalledJdk(j25.toFile(), 25));
        assertThat(JdkSearch.find(null, root + "/jvm/*", "/home/nobody")).isEqualTo(new InstalledJdk(j21.toFile(), 21));
    }

    @Test
    void javaHomeWinsWhenItIsNewEnoughAndIsPassedOverWhenOlder() throws IOException {
        Path j17 = jdk("jvm/java-17", "17.0.15");
        Path j21 = jdk("home/java-21", "21.0.4");
        Path j25 = jdk("jvm/java-25", "25.0.1");
        String places = root + "/jvm/*";

        assertThat(JdkSearch.find(j21.toString(), places, "/x").folder()).isEqualTo(j21.toFile());
        assertThat(JdkSearch.find(j17.toString(), places, "/x").folder()).isEqualTo(j25.toFile());
    }

    @Test
    void expandsTheHomeFolderAndASegmentInTheMiddle() throws IOException {
        Path sdk = jdk("user/.sdkman/candidates/java/25.0.1-tem", "25.0.1");
        Path mac = jdk("Library/Java/JavaVirtualMachines/temurin-21.jdk/Contents/Home", "21.0.4");

        assertThat(JdkSearch.find(null, "~/.sdkman/candidates/java/*", root.resolve("user").toString()).folder())
                .isEqualTo(sdk.toFile());
        assertThat(JdkSearch.find(null, root + "/Library/Java/JavaVirtualMachines/*/Contents/Home", "/x").folder())
                .isEqualTo(mac.toFile());
    }

    @Test
    void findsNothingWhereNoJdk21OrNewerIsInstalled() throws IOException {
        jdk("jvm/java-17", "17.0.15");

        assertThat(JdkSearch.find(null, root + "/jvm/*:/nonexistent", "/x")).isNull();
        assertThat(JdkSearch.find(null, "", "/x")).isNull();
    }

    @Test
    void theUsualPlacesAreTheBuildsAndAnOverrideReplacesThem() {
        assertThat(JdkSearch.places(null)).isEqualTo("/usr/lib/jvm/*:/opt/java/*:/opt/jdk*"
                + ":/Library/Java/JavaVirtualMachines/*/Contents/Home:~/.sdkman/candidates/java/*:~/.jdks/*");
        assertThat(JdkSearch.places("/nonexistent")).isEqualTo("/nonexistent");
    }

    @Test
    void theMessageWithNoJdkNamesWhatToInstall() {
        String message = JdkSearch.missing(17, "/usr/lib/jvm/java-17", "/usr/lib/jvm/*");

        assertThat(message).startsWith("gridbot needs Java 21 or newer, but this java is Java 17 (/usr/lib/jvm/java-17)")
                .contains("no JDK 21 or newer was found in JAVA_HOME or /usr/lib/jvm/*")
                .contains("install a JDK 21 or newer").contains("`apt install openjdk-21-jdk`")
                .contains("Temurin from https://adoptium.net").contains("or set JAVA_HOME to one");
    }

    @Test
    void theBuildsFinderPicksTheSameJdk() throws Exception {
        Path finder = Path.of("../.mvn/find-jdk.sh").toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(finder), "the build's finder is not beside this module");
        jdk("jvm/java-17", "17.0.15");
        jdk("jvm/java-21", "21.0.4");
        Path j25 = jdk("opt/jdk-25", "25.0.1");
        String places = root + "/jvm/*:" + root + "/opt/jdk*";
        ProcessBuilder run = new ProcessBuilder("sh", "-c", ". \"$0\" && gridbot_find_jdk", finder.toString());
        run.environment().remove("JAVA_HOME");
        run.environment().put("GRIDBOT_JDK_DIRS", places);
        Process p = run.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo(j25.toString()).isEqualTo(JdkSearch.find(null, places, "/x").folder().toString());
    }

    @Test
    void theAppImagesFinderTakesAJreWhereTheBuildNeedsAJdk() throws Exception {
        Path finder = Path.of("../.mvn/find-jdk.sh").toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(finder), "the build's finder is not beside this module");
        Path jre = jdk("jvm/jre-25", "25.0.1");
        Files.delete(jre.resolve("bin/javac"));
        String places = root + "/jvm/*";

        assertThat(shellFinder(finder, places, "")).isEmpty();
        assertThat(shellFinder(finder, places, "GRIDBOT_JDK_RUN_ONLY=1; ")).isEqualTo(jre.toString())
                .isEqualTo(JdkSearch.find(null, places, "/x").folder().toString());
    }

    private static String shellFinder(Path finder, String places, String before) throws Exception {
        ProcessBuilder run = new ProcessBuilder("sh", "-c", before + ". \"$0\" && gridbot_find_jdk", finder.toString());
        run.environment().remove("JAVA_HOME");
        run.environment().put("GRIDBOT_JDK_DIRS", places);
        Process p = run.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    /** A fake JDK: a release file stating {@code version} and executable bin/java and bin/javac. */
    private Path jdk(String folder, String version) throws IOException {
        Path home = Files.createDirectories(root.resolve(folder));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        for (String tool : List.of("java", "javac")) {
            Path file = Files.createDirectories(home.resolve("bin")).resolve(tool);
            Files.writeString(file, "#!/bin/sh\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return home;
    }
}
