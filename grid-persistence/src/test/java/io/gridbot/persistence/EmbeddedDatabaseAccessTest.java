package io.gridbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gridbot.persistence.file.OwnerOnly;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database serves the other processes of its user (a second terminal's commands while the
 * daemon runs) and nobody else: its server listens on loopback only, and the lock file holding the key a
 * client needs, like the database file, is readable by its owner alone, in a directory only its owner may
 * enter.
 */
class EmbeddedDatabaseAccessTest {

    @TempDir
    Path tmp;

    @Test
    void theServerRefusesTheMachinesNonLoopbackAddressAndTheLockFileIsTheOwnersAlone() throws Exception {
        Path dir = tmp.resolve("data");
        try (Database daemon = Database.open(DatabaseSettings.embedded(dir))) {
            daemon.configs().create(PersistenceContract.grid("g"), 0);
            Path lockFile = dir.resolve("gridbot.lock.db");
            Properties lock = new Properties();
            try (InputStream in = Files.newInputStream(lockFile)) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            assertThat(server).as("the lock file names the server other processes reach").isNotNull();
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));

            try (Database command = Database.open(DatabaseSettings.embedded(dir))) {
                assertThat(command.configs().find("g")).as("another process of this user, over loopback").isPresent();
            }

            Optional<InetAddress> own = nonLoopbackAddress();
            assumeTrue(own.isPresent(), "this machine has no non-loopback address: only the file permissions are checked");
            assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(own.get(), port), 2_000);
                }
            }).as("a connection to %s:%d", own.get().getHostAddress(), port).isInstanceOf(ConnectException.class);

            assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "not a POSIX file system");
            assertThat(Files.getPosixFilePermissions(dir)).containsExactlyInAnyOrderElementsOf(OwnerOnly.DIRECTORY);
            assertThat(Files.getPosixFilePermissions(lockFile)).as("the lock file")
                    .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ)
                    .containsExactlyInAnyOrderElementsOf(OwnerOnly.FILE);
            assertThat(Files.getPosixFilePermissions(dir.resolve("gridbot.mv.db"))).as("the database file")
                    .containsExactlyInAnyOrderElementsOf(OwnerOnly.FILE);
        }
    }

    @Test
    void anExistingDataDirectoryOpenToOthersIsNarrowedToItsOwner() throws Exception {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "not a POSIX file system");
        Path dir = Files.createDirectory(tmp.resolve("old"));
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            assertThat(db.configs().find("g")).isEmpty();
            assertThat(Files.getPosixFilePermissions(dir)).containsExactlyInAnyOrderElementsOf(OwnerOnly.DIRECTORY);
        }
    }

    /** An address of this machine that is not loopback (nor link-local), if it has one. */
    static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(i -> {
            try {
                return i.isUp() && !i.isLoopback();
            } catch (SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress())
                .findFirst();
    }
}
