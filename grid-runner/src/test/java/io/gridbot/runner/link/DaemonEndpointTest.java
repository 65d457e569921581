package io.gridbot.runner.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.persistence.file.OwnerOnly;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonEndpointTest {

    @TempDir
    Path dataDir;

    @Test
    void aPublishedEndpointIsReadBackOwnerOnlyAndGoneWhenWithdrawn() throws Exception {
        DaemonEndpoint mine = new DaemonEndpoint(URI.create("http://127.0.0.1:8123/"), "gbt_secret",
                ProcessHandle.current().pid(), "me@host/1");
        Path file = mine.publish(dataDir);

        assertThat(DaemonEndpoint.published(dataDir)).containsExactly(mine);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(OwnerOnly.FILE);
        assertThat(Files.getPosixFilePermissions(DaemonEndpoint.folder(dataDir))).isEqualTo(OwnerOnly.DIRECTORY);

        mine.withdraw(dataDir);
        assertThat(DaemonEndpoint.published(dataDir)).isEmpty();
    }

    @Test
    void aFileLeftByAKilledDaemonOrHalfWrittenIsPassedOver() throws Exception {
        long gone = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 10_000;
        new DaemonEndpoint(URI.create("http://127.0.0.1:1/"), "t", gone, "x@host/" + gone).publish(dataDir);
        Files.writeString(DaemonEndpoint.folder(dataDir).resolve("daemon-7.json"), "{\"api\":");

        assertThat(DaemonEndpoint.published(dataDir)).isEmpty();
        assertThat(DaemonEndpoint.published(dataDir.resolve("nowhere"))).isEmpty();
    }
}
