package io.gridbot.runner.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a program of the app image the build made ({@code target/gridbot}) in its own process, the way a
 * user's shell would, with a bounded wait; for the integration tests, which run after {@code package}.
 */
final class ImageProcess {

    /** The app image folder {@code package} assembles. */
    static final Path IMAGE = Path.of("target", "gridbot").toAbsolutePath();

    private ImageProcess() {
    }

    /** What a finished process printed and returned. */
    record Result(int exit, String out, String err) {
    }

    /** The image's {@code bin/grid}, checked to exist: the tests are meaningless without it. */
    static Path grid() {
        Path grid = IMAGE.resolve("bin/grid");
        assertThat(grid).as("the app image made by package").isExecutable();
        return grid;
    }

    /**
     * Runs {@code command} with a clean environment: no {@code JAVA_HOME}, the Java that runs this test as
     * the only place to find one, and a cache of its own; {@code env} changes that environment further.
     */
    static Result run(List<String> command, Path cache, Consumer<Map<String, String>> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.remove("JAVA_HOME");
        environment.remove("GRIDBOT_JAVA_OPTS");
        environment.remove("GRIDBOT_DATA_DIR");
        environment.put("GRIDBOT_JDK_DIRS", System.getProperty("java.home"));
        environment.put("XDG_CACHE_HOME", cache.toString());
        env.accept(environment);
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(Files.createTempFile(cache, "in", "").toFile()))
                .start();
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end within " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), out.join(), err.join());
    }

    private static CompletableFuture<String> drain(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
