package io.gridbot.runner.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.runner.image.ImageProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app image's bash completion: generated at build time from the CLI, loaded by bash, and completing. */
class CompletionIT {

    private static final Path SCRIPT = ImageProcess.IMAGE.resolve("completion/grid.bash");

    @TempDir
    Path tmp;

    @Test
    void sourcingTheScriptRegistersTheCompletionOfGrid() throws Exception {
        Result complete = bash("source \"$0\"; complete -p grid");

        assertThat(complete.exit()).as(complete.err()).isZero();
        assertThat(complete.out()).contains("-F _complete_grid").endsWith("grid\n");
    }

    @Test
    void completingGridConOffersConfig() throws Exception {
        Result words = bash("source \"$0\"; COMP_WORDS=(grid con); COMP_CWORD=1; COMP_LINE='grid con'; "
                + "COMP_POINT=${#COMP_LINE}; _complete_grid; printf '%s\\n' \"${COMPREPLY[@]}\"");

        assertThat(words.exit()).as(words.err()).isZero();
        assertThat(words.out().lines()).containsExactly("config");
    }

    @Test
    void completingAfterConfigOffersItsSubcommands() throws Exception {
        Result words = bash("source \"$0\"; COMP_WORDS=(grid config ''); COMP_CWORD=2; COMP_LINE='grid config '; "
                + "COMP_POINT=${#COMP_LINE}; _complete_grid; printf '%s\\n' \"${COMPREPLY[@]}\"");

        assertThat(words.out().lines()).contains("apply", "list", "show", "validate");
    }

    @Test
    void theCompletionCommandPrintsTheScriptTheImageShips() throws Exception {
        Result printed = ImageProcess.run(List.of(ImageProcess.grid().toString(), "completion"), tmp, env -> { }, 60);

        assertThat(printed.exit()).as(printed.err()).isZero();
        assertThat(printed.out().stripTrailing()).isEqualTo(Files.readString(SCRIPT).stripTrailing());
    }

    private Result bash(String script) throws Exception {
        assertThat(SCRIPT).isRegularFile();
        return ImageProcess.run(List.of("bash", "-c", script, SCRIPT.toString()), tmp, env -> { }, 30);
    }
}
