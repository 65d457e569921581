package io.gridbot.runner.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.persistence.file.OwnerOnly;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a running daemon's HTTP API answers, and the control token that the commands of the same data
 * directory use on it. A daemon publishes one file per process under {@code <data-dir>/daemons/}, readable by
 * its owner only (the token is as good as the database itself), and withdraws it when it stops; a file left by
 * a killed daemon names a process that is gone and is passed over.
 *
 * @param api   the API's base address, for example {@code http://127.0.0.1:8080/}
 * @param token the bearer token, with control scope
 * @param pid   the daemon's process id
 * @param owner the daemon's identity, as leases name it
 */
public record DaemonEndpoint(URI api, String token, long pid, String owner) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(DaemonEndpoint.class);
    private static final String FOLDER = "daemons";
    private static final String SUFFIX = ".json";

    public DaemonEndpoint {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(owner, "owner");
    }

    /** The folder the daemons of this data directory publish into. */
    public static Path folder(Path dataDir) {
        return dataDir.resolve(FOLDER);
    }

    /** The endpoints published under this data directory by daemons that are still alive, oldest file first. */
    public static List<DaemonEndpoint> published(Path dataDir) {
        Path folder = folder(dataDir);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            entries.forEach(files::add);
        } catch (IOException e) {
            return List.of();
        }
        files.sort((a, b) -> Long.compare(modified(a), modified(b)));
        List<DaemonEndpoint> alive = new ArrayList<>();
        for (Path file : files) {
            try {
                DaemonEndpoint endpoint = JSON.readValue(file.toFile(), DaemonEndpoint.class);
                if (ProcessHandle.of(endpoint.pid()).map(ProcessHandle::isAlive).orElse(false)) {
                    alive.add(endpoint);
                }
            } catch (IOException | RuntimeException e) {
                // Half-written by a daemon that is starting, or not ours to read: the database answers instead.
            }
        }
        return alive;
    }

    /**
     * Publishes the API of this process under {@code dataDir}; a failure is logged and leaves the commands to
     * the database, so the server keeps running.
     */
    public static Optional<DaemonEndpoint> publishFor(URI api, String token, String owner, Path dataDir) {
        DaemonEndpoint endpoint = new DaemonEndpoint(api, token, ProcessHandle.current().pid(), owner);
        try {
            endpoint.publish(dataDir);
            return Optional.of(endpoint);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not publish the API's address under {}: {}", dataDir, e.toString());
            return Optional.empty();
        }
    }

    /** {@link #withdraw}, logging a failure instead of throwing it: for a process on its way out. */
    public void withdrawQuietly(Path dataDir) {
        try {
            withdraw(dataDir);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not withdraw the API's address: {}", e.toString());
        }
    }

    /** Writes this endpoint's file, owner-only, in one step (a reader never sees half of it); returns its path. */
    public Path publish(Path dataDir) throws IOException {
        Path folder = folder(dataDir);
        OwnerOnly.directory(folder);
        Path file = file(dataDir);
        Path partial = folder.resolve(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(OwnerOnly.FILE));
        }
        Files.write(partial, json().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** Removes this endpoint's file: the daemon is stopping. */
    public void withdraw(Path dataDir) throws IOException {
        Files.deleteIfExists(file(dataDir));
    }

    private Path file(Path dataDir) {
        return folder(dataDir).resolve("daemon-" + pid + SUFFIX);
    }

    private String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
