package io.gridbot.persistence.file;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files only their owner may read: the embedded database's directory (POSIX 700) and its files (600),
 * whose lock file holds the key that lets a client in. On a file system without POSIX permissions nothing
 * is changed.
 */
public final class OwnerOnly {

    /** Owner read, write and search: the directory. */
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    /** Owner read and write: the files. */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnly.class);

    private OwnerOnly() {
    }

    /**
     * Creates the directory (and its missing parents) owner-only from the start, or narrows an existing one
     * to its owner; a directory this process may not change is left as it is, with a warning.
     */
    public static void directory(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (!posix(absolute)) {
            Files.createDirectories(absolute);
            return;
        }
        if (!Files.isDirectory(absolute)) {
            Files.createDirectories(absolute.getParent());
            try {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } catch (FileAlreadyExistsException raced) {
                // another process made it a moment ago: narrowed below like any existing one
            }
        }
        restrict(absolute, DIRECTORY);
    }

    /** Narrows every file in the directory whose name starts with the prefix to its owner. */
    public static void files(Path dir, String prefix) {
        if (!posix(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().startsWith(prefix)).forEach(f -> restrict(f, FILE));
        } catch (IOException e) {
            LOG.warn("could not list {} to make its files readable by their owner only: {}", dir, e.toString());
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> wanted) {
        try {
            if (!Files.getPosixFilePermissions(path).equals(wanted)) {
                Files.setPosixFilePermissions(path, wanted);
            }
        } catch (IOException e) {
            LOG.warn("could not make {} readable by its owner only: {}", path, e.toString());
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
