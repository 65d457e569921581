package io.gridbot.runner.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Without the browser the browser tests skip, saying why, unless CI requires them: then they fail. */
class HeadlessChromiumTest {

    @TempDir
    Path dir;

    @Test
    void aMissingBrowserSkipsWithItsReasonOrFailsWhenRequired() {
        Path missing = dir.resolve("chromium");
        assertThatThrownBy(() -> HeadlessChromium.requireOrSkip(missing, missing, null))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("apt-get install chromium chromium-driver");
        assertThatThrownBy(() -> HeadlessChromium.requireOrSkip(missing, missing, "true"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GRID_REQUIRE_BROWSER=true");
    }

    @Test
    void anInstalledBrowserRuns() throws Exception {
        Path exe = java.nio.file.Files.createFile(dir.resolve("chromium"));
        exe.toFile().setExecutable(true);
        assertThatCode(() -> HeadlessChromium.requireOrSkip(exe, exe, "true")).doesNotThrowAnyException();
    }
}
