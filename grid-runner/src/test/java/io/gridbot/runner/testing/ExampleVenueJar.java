package io.gridbot.runner.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The example venue's jar (grid-exchange-example), as a third party ships it, for the tests that load it from
 * {@code GRIDBOT_VENUE_PATH} or the image's {@code venues/} folder. It is never on the tests' class path: the build
 * names where it is in {@code gridbot.test.exampleVenue}, the jar itself after {@code package}, its classes folder
 * before, which is then packed into a jar here.
 */
public final class ExampleVenueJar {

    private static final String PROPERTY = "gridbot.test.exampleVenue";

    private ExampleVenueJar() {
    }

    /** The example venue's jar, put in {@code folder} (made if needed) as {@code example-venue.jar}. */
    public static Path into(Path folder) throws IOException {
        String built = System.getProperty(PROPERTY);
        assertThat(built).as(PROPERTY + ", set by the build (grid-runner/pom.xml)").isNotBlank();
        Path source = Path.of(built);
        Path jar = Files.createDirectories(folder).resolve("example-venue.jar");
        if (Files.isRegularFile(source)) {
            return Files.copy(source, jar);
        }
        assertThat(source.resolve("META-INF/services/io.gridbot.exchange.venue.VenueProvider"))
                .as("the example venue's classes, built").isRegularFile();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(String.join("/", names(source.relativize(p)))));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static List<String> names(Path relative) {
        return Stream.iterate(0, i -> i < relative.getNameCount(), i -> i + 1).map(i -> relative.getName(i).toString())
                .toList();
    }
}
