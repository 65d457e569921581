package io.gridbot.runner.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.gridbot.runner.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner jar's entry point on a Java older than 21 (this machine's default java is 17): it runs the
 * command on the JDK that JAVA_HOME names or the newest one in the searched places, or says which Java is
 * needed. Skipped where no older JDK is
 * installed under /usr/lib/jvm.
 */
class LauncherTest {

    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(?:1\\.)?(\\d+)");

    @Test
    void anOldJavaRunsTheCommandOnTheJdkJavaHomeNames() throws Exception {
        Path old = olderJava();
        ProcessBuilder run = launch(old, "--version");
        run.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Result r = Result.of(run);

        assertThat(r.exit).isZero();
        assertThat(r.output).contains("gridbot 0.1.0");
    }

    @Test
    void anOldJavaWithoutASuitableJavaHomeSaysWhichJavaIsNeeded(@TempDir Path nowhere) throws Exception {
        Path old = olderJava();
        ProcessBuilder run = launch(old, "--version");
        run.environment().remove("JAVA_HOME");
        run.environment().put("GRIDBOT_JDK_DIRS", nowhere.toString() + "/*"); // a machine with no JDK 21 installed
        Result r = Result.of(run);

        assertThat(r.exit).isEqualTo(1);
        assertThat(r.output).contains("gridbot needs Java 21 or newer, but this java is Java").doesNotContain("Exception");
    }

    @Test
    void anOldJavaWithoutJavaHomeRunsTheCommandOnTheNewestJdkInTheUsualPlaces() throws Exception {
        Path old = olderJava();
        Path jdk = Path.of(System.getProperty("java.home"));
        ProcessBuilder run = launch(old, "--version");
        run.environment().remove("JAVA_HOME");
        run.environment().put("GRIDBOT_JDK_DIRS", old.getParent().getParent() + ":" + jdk);
        Result r = Result.of(run);

        assertThat(r.exit).isZero();
        assertThat(r.output).contains("gridbot: this java is Java ").contains("running on JDK ")
                .contains(" at " + jdk).contains("gridbot 0.1.0");
    }

    @Test
    void killingTheLauncherWithSigkillEndsTheChildJvmItStarted(@TempDir Path dir) throws Exception {
        Path old = olderJava();
        ProcessBuilder run = launch(old, "daemon", "--http-port", "0", "--data-dir", dir.resolve("data").toString())
                .redirectOutput(dir.resolve("out.log").toFile());
        run.environment().put("JAVA_HOME", System.getProperty("java.home"));
        run.environment().remove("GRIDBOT_DB_URL");
        Process launcher = run.start();
        ProcessHandle child = null;
        try {
            child = Eventually.awaitValue("the child JVM started", Duration.ofSeconds(60),
                    () -> launcher.toHandle().children().findFirst().orElse(null));
            Eventually.await("the daemon up in the child", Duration.ofSeconds(90), () -> {
                assertThat(launcher.isAlive()).as("the launcher runs").isTrue();
                return read(dir.resolve("out.log")).contains("gridbot daemon");
            });

            launcher.destroyForcibly().waitFor(); // SIGKILL: the launcher's shutdown hook does not run
            ProcessHandle orphan = child;
            assertThatCode(() -> orphan.onExit().get(30, TimeUnit.SECONDS)).as("the child ends within 30 s")
                    .doesNotThrowAnyException();
            assertThat(child.isAlive()).isFalse();
        } finally {
            if (child != null && child.isAlive()) {
                child.destroyForcibly();
                child.onExit().get(30, TimeUnit.SECONDS);
            }
            launcher.destroyForcibly().waitFor();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static ProcessBuilder launch(Path java, String... args) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private static Path olderJava() throws IOException {
        Optional<Path> found = Optional.empty();
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> dirs = Files.list(jvms)) {
                found = dirs.filter(d -> Files.isExecutable(d.resolve("bin/java")) && major(d) > 0 && major(d) < 21)
                        .map(d -> d.resolve("bin/java")).findFirst();
            }
        }
        assumeTrue(found.isPresent(), "no JDK older than 21 under /usr/lib/jvm: the launcher's fallback is not exercised");
        return found.get();
    }

    private static int major(Path jdk) {
        try {
            Matcher m = VERSION.matcher(Files.readString(jdk.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private record Result(int exit, String output) {
        static Result of(ProcessBuilder run) throws Exception {
            Process p = run.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Result(p.exitValue(), out);
        }
    }
}
