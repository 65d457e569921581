package io.gridbot.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.runner.api.OpenApiDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue 19: requirement ids of the specification (acceptance criteria, functional requirements, edge cases)
 * belong in tests and commits, never in what a user reads: the dashboard's pages and assets, the OpenAPI
 * document and the command line's help.
 */
class NoSpecIdsInUserTextTest {

    private static final Pattern SPEC_ID = Pattern.compile("\\b(AC|FR|EC)-?\\d");
    private static final Path DASHBOARD = Path.of("src/main/resources/dashboard");

    @Test
    void theDashboardsPagesAndAssetsCiteNoRequirementId() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DASHBOARD)) {
            for (Path file : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".png")).toList()) {
                scan(file.toString(), Files.readString(file, StandardCharsets.UTF_8), found);
            }
        }
        assertThat(found).as("dashboard files scanned from %s", DASHBOARD.toAbsolutePath()).isEmpty();
    }

    @Test
    void theOpenApiDocumentCitesNoRequirementId() {
        List<String> found = new ArrayList<>();
        scan("openapi.yaml", new String(OpenApiDocument.bytes(), StandardCharsets.UTF_8), found);
        assertThat(found).isEmpty();
    }

    @Test
    void theCommandLinesHelpCitesNoRequirementId() {
        List<String> found = new ArrayList<>();
        help(GridbotMain.commandLine(), found);
        assertThat(found).isEmpty();
    }

    @Test
    void theScanNamesTheFileAndLineOfAnId() {
        List<String> found = new ArrayList<>();
        scan("page.html", "fine\nrefused (AC1.5)\nFR-9 too\nEACH one, FRACTION 3", found);
        assertThat(found).containsExactly("page.html:2: refused (AC1.5)", "page.html:3: FR-9 too");
    }

    private static void help(CommandLine command, List<String> found) {
        scan("grid " + command.getCommandSpec().qualifiedName(" ") + " --help", command.getUsageMessage(), found);
        command.getSubcommands().values().forEach(sub -> help(sub, found));
    }

    private static void scan(String where, String text, List<String> found) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (SPEC_ID.matcher(lines[i]).find()) {
                found.add(where + ":" + (i + 1) + ": " + lines[i].strip());
            }
        }
    }
}
