package io.gridbot.runner.venue;

import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.file.OwnerOnly;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The simulated venue of a data directory, kept in {@code <data-dir>/simulated-venue.state}, and the one process
 * that may change it: the daemon running on that directory, or, while none runs, a person's command. A holder
 * keeps an operating-system lock on {@code simulated-venue.lock} for as long as it holds the venue, taken before
 * it reads the state, so nobody changes the file under a process that will write its own copy over it. The
 * system releases the lock when the process ends, however it ends: a daemon killed with SIGKILL leaves nothing to
 * clear. The lock file names its holder, for the refusal a second process gets. Anyone may {@link #look} at the
 * state without holding it.
 */
public final class SimulatedVenueFile implements AutoCloseable {

    /** The state file's name under the data directory. */
    public static final String STATE = "simulated-venue.state";
    private static final String LOCK = "simulated-venue.lock";

    /**
     * The venues this process holds, by lock file, with their holders: a second claim from this process must not
     * open the lock file at all, since closing any channel to it may release the lock the first one holds.
     */
    private static final ConcurrentMap<Path, String> HELD_HERE = new ConcurrentHashMap<>();

    private final Path dataDir;
    private final Path lockFile;
    /** The lock and its channel; both {@code null} when another process holds the venue. */
    private final FileChannel channel;
    private final FileLock lock;
    private final String heldElsewhere;

    private SimulatedVenueFile(Path dataDir, Path lockFile, FileChannel channel, FileLock lock, String heldElsewhere) {
        this.dataDir = dataDir;
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
        this.heldElsewhere = heldElsewhere;
    }

    /**
     * Takes the venue of {@code dataDir} for this process, creating the directory (owner-only) if needed, unless
     * another holder has it: then {@link #heldElsewhere} says who, and nothing is changed.
     *
     * @param holder who this process is, as a refused claim names it: {@code daemon user@host/pid}
     */
    public static SimulatedVenueFile claim(Path dataDir, String holder) throws IOException {
        OwnerOnly.directory(dataDir);
        Path lockFile = dataDir.toAbsolutePath().normalize().resolve(LOCK);
        String here = HELD_HERE.putIfAbsent(lockFile, holder);
        if (here != null) {
            return elsewhere(dataDir, lockFile, here);
        }
        try {
            FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), ownerOnly(dataDir));
            FileLock lock;
            try {
                lock = channel.tryLock();
                if (lock != null) {
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
                }
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                HELD_HERE.remove(lockFile);
                return elsewhere(dataDir, lockFile, Files.readString(lockFile, StandardCharsets.UTF_8).strip());
            }
            return new SimulatedVenueFile(dataDir, lockFile, channel, lock, null);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(lockFile);
            throw e;
        }
    }

    private static SimulatedVenueFile elsewhere(Path dataDir, Path lockFile, String holder) {
        return new SimulatedVenueFile(dataDir, lockFile, null, null, "the simulated venue of data directory " + dataDir
                + " is held by " + (holder.isEmpty() ? "another process" : holder));
    }

    private static FileAttribute<?>[] ownerOnly(Path dataDir) {
        return dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OwnerOnly.FILE)}
                : new FileAttribute<?>[0];
    }

    /** Why this process may not change the venue, naming who holds it; empty when this process holds it. */
    public Optional<String> heldElsewhere() {
        return Optional.ofNullable(heldElsewhere);
    }

    /**
     * The venue as its state file has it (a fresh one when there is none), with the daemon's listings, saved
     * after every change.
     *
     * @throws IllegalStateException when another process holds the venue
     */
    public SimulatedExchange open(SimClock clock, SimSettings settings) throws IOException {
        if (lock == null) {
            throw new IllegalStateException(heldElsewhere);
        }
        return SimulatedVenue.listAll(new SimulatedExchange(clock, settings)).persistTo(dataDir.resolve(STATE));
    }

    /**
     * The venue of {@code dataDir} as its state file has it now, never written back (whoever holds it may change
     * the file at any moment), on a clock that stands still: for reading only.
     */
    public static SimulatedExchange look(Path dataDir) throws IOException {
        return SimulatedVenue.listAll(new SimulatedExchange(new SimClock(0), SimSettings.defaults()))
                .loadFrom(dataDir.resolve(STATE));
    }

    /** Gives the venue up, if this process held it; the lock file stays, for the next holder. */
    @Override
    public void close() throws IOException {
        if (lock == null) {
            return;
        }
        try {
            channel.close(); // releases the lock
        } finally {
            HELD_HERE.remove(lockFile);
        }
    }
}
