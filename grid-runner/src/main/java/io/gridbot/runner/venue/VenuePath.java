package io.gridbot.runner.venue;

import io.gridbot.exchange.venue.UnusableProviderException;
import io.gridbot.exchange.venue.VenueCatalog;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Where the runner finds its venues: the providers on its own class path, and those in the venue jars that
 * {@value #VARIABLE} names. That variable is a list separated as the platform separates paths ({@code :} on Linux
 * and macOS), each entry a jar or a folder whose jars (directly inside it) are all taken. It is how a third
 * party's venue reaches a runner started with {@code java -jar}, which takes no class path, and the app image,
 * whose {@code bin/grid} adds the image's {@code venues/} folder to it. The jars are loaded by one class loader
 * below the runner's, once per process, so every command and the daemon's dashboard see the same venues. An entry
 * that does not exist or is no jar is refused with its name: a mistyped path never silently drops a venue.
 */
public final class VenuePath {

    /** The environment variable naming the venue jars and folders. */
    public static final String VARIABLE = "GRIDBOT_VENUE_PATH";

    private static final Map<List<Path>, ClassLoader> LOADERS = new ConcurrentHashMap<>();

    private VenuePath() {
    }

    /**
     * The venues found with {@code environment}'s {@value #VARIABLE}: those of the runner's class path alone
     * when it is unset or empty.
     *
     * @throws UnusableProviderException when an entry is missing or no jar, or a provider cannot be used
     */
    public static VenueCatalog catalog(Map<String, String> environment) {
        List<Path> jars = jars(environment.get(VARIABLE));
        if (jars.isEmpty()) {
            return VenueCatalog.discover();
        }
        return VenueCatalog.discover(LOADERS.computeIfAbsent(jars, VenuePath::loader));
    }

    /** The jars {@code value} names, in its order, a folder's in name order; none for {@code null} or blank. */
    static List<Path> jars(String value) {
        List<Path> jars = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return jars;
        }
        for (String entry : value.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = path(entry.strip());
            if (Files.isDirectory(path)) {
                jars.addAll(jarsIn(path));
            } else if (Files.isRegularFile(path) && isJar(path)) {
                jars.add(path);
            } else {
                throw new UnusableProviderException(VARIABLE + " names " + entry.strip() + ", which "
                        + (Files.exists(path) ? "is not a jar (name venue jars, or folders of them)" : "does not exist"));
            }
        }
        return jars;
    }

    private static Path path(String entry) {
        try {
            return Path.of(entry).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UnusableProviderException(VARIABLE + " names " + entry + ", which is no path: " + e.getMessage());
        }
    }

    private static List<Path> jarsIn(Path folder) {
        try (Stream<Path> inside = Files.list(folder)) {
            return inside.filter(p -> Files.isRegularFile(p) && isJar(p)).sorted().toList();
        } catch (IOException e) {
            throw new UnusableProviderException(VARIABLE + " names the folder " + folder + ", which cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private static boolean isJar(Path path) {
        return path.getFileName().toString().endsWith(".jar");
    }

    private static ClassLoader loader(List<Path> jars) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UnusableProviderException(VARIABLE + " names " + jars.get(i) + ", which is no URL", e);
            }
        }
        // Held for the process's life: the venues' classes stay loaded while any grid trades on them.
        return new URLClassLoader("gridbot-venues", urls, VenuePath.class.getClassLoader());
    }
}
