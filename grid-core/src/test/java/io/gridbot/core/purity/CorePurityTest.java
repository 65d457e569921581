package io.gridbot.core.purity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The architecture's first rule, checked on the sources: the core depends on nothing but the JDK, reads no
 * clock, starts no thread, does no I/O and keeps money out of floating point.
 */
class CorePurityTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> FORBIDDEN = List.of("System.currentTimeMillis", "System.nanoTime", "Instant.now",
            "LocalDateTime.now", "new Thread", "Executors.", "CompletableFuture", "Thread.sleep", "double ", "float ",
            "Double.", "Float.", "java.io.File", "java.nio.file", "java.net", "Math.random");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void theCoreImportsOnlyTheJdkAndItself() throws IOException {
        List<String> offending = new ArrayList<>();
        for (Path file : sources()) {
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                String imported = m.group(2);
                if (!imported.startsWith("java.") && !imported.startsWith("io.gridbot.core")) {
                    offending.add(file + ": " + imported);
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void theCoreReadsNoClockStartsNoThreadDoesNoIoAndUsesNoFloatingPoint() throws IOException {
        List<String> offending = new ArrayList<>();
        for (Path file : sources()) {
            String code = Files.readString(file);
            for (String word : FORBIDDEN) {
                if (code.contains(word)) {
                    offending.add(file + ": " + word.trim());
                }
            }
        }
        assertThat(offending).isEmpty();
    }
}
