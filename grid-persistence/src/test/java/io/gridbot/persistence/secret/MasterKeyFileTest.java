package io.gridbot.persistence.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gridbot.persistence.file.OwnerOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The master key file is owner-only from its first byte. A process that may write no byte to a file
 * ({@code ulimit -f 0}: the kernel stops it at the first byte written) shows the file as it was created,
 * before anything could narrow its permissions afterwards.
 */
class MasterKeyFileTest {

    @TempDir
    Path dir;

    /** Creates the key file named by the argument; run in a process of its own. */
    public static void main(String[] args) throws Exception {
        MasterKey.load(Map.of(), Path.of(args[0]));
    }

    @Test
    void theKeyFileIsOwnerOnlyFromItsFirstByte() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "not a POSIX file system");
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "no /bin/bash to limit a process's file size");
        Path keyFile = dir.resolve("data/master.key");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process creator = new ProcessBuilder(bash.toString(), "-c", "ulimit -f 0; exec \"$0\" -XX:-UsePerfData -cp \"$1\" "
                + MasterKeyFileTest.class.getName() + " \"$2\"", java, System.getProperty("java.class.path"),
                keyFile.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(creator.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(creator.exitValue()).as("stopped at its first byte").isNotZero();

        assertThat(keyFile).as("created before the first byte").exists();
        assertThat(Files.getPosixFilePermissions(keyFile)).containsExactlyInAnyOrderElementsOf(OwnerOnly.FILE);
        assertThat(Files.getPosixFilePermissions(keyFile.getParent())).containsExactlyInAnyOrderElementsOf(OwnerOnly.DIRECTORY);
    }

    @Test
    void aCreatedKeyIsReadBackAndNeverReplaced() throws Exception {
        Path keyFile = dir.resolve("master.key");
        MasterKey.load(Map.of(), keyFile);
        String text = Files.readString(keyFile);
        MasterKey.load(Map.of(), keyFile);
        assertThat(Files.readString(keyFile)).isEqualTo(text);
        assertThat(MasterKey.fromBase64(text).toString()).isEqualTo("MasterKey[***]");
    }
}
