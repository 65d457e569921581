package io.gridbot.runner.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One job per type, measured the blunt way: no main source file of the core above 250 lines, none of the
 * project above 400. A type that grows past its limit has taken on a second job; split it before it lands.
 */
class TypeSizeTest {

    private static final Path PROJECT = Path.of("..");

    @Test
    void noCoreTypeIsAbove250Lines() throws IOException {
        assertThat(longerThan(250, "grid-core")).isEmpty();
    }

    @Test
    void noTypeOfTheProjectIsAbove400Lines() throws IOException {
        assertThat(longerThan(400, "grid-core", "grid-exchange-api", "grid-exchange-binance", "grid-exchange-bybit", "grid-persistence",
                "grid-stats", "grid-runner")).isEmpty();
    }

    private static List<String> longerThan(int limit, String... modules) throws IOException {
        List<Path> sources = Stream.of(modules).map(m -> PROJECT.resolve(m).resolve("src/main/java")).toList();
        assertThat(sources).allMatch(Files::isDirectory);
        return sources.stream().flatMap(TypeSizeTest::javaFiles)
                .map(file -> new Measured(file.normalize(), lines(file)))
                .filter(m -> m.lines() > limit)
                .map(m -> m.file() + " has " + m.lines() + " lines")
                .toList();
    }

    private record Measured(Path file, long lines) {}

    private static Stream<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + root, e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
