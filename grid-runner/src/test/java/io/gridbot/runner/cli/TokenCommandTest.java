package io.gridbot.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.persistence.token.TokenScope;
import io.gridbot.runner.GridbotMain;
import io.gridbot.runner.api.TokenMint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code grid token}: a token is printed once and stored as its hash; list and revoke never show it. */
class TokenCommandTest {

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int grid(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = new CommandLine(new GridbotMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--data-dir=" + dir;
        return cli.execute(all);
    }

    @Test
    void aTokenIsPrintedOnceAloneOnStdoutAndOnlyItsHashIsStored() {
        assertThat(grid("token", "create", "Grafana", "--scope", "READ")).isZero();
        String token = out.toString().strip();
        assertThat(token).matches("gbt_[A-Za-z0-9_-]{43}");
        assertThat(err.toString()).contains("created API token 'grafana' with the read scope",
                "will not be shown again").doesNotContain(token);

        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            var stored = db.apiTokens().find("grafana").orElseThrow();
            assertThat(stored.scope()).isEqualTo(TokenScope.READ);
            assertThat(stored.hash()).isEqualTo(TokenMint.hash(token)).doesNotContain(token.substring(4));
        }

        assertThat(grid("token", "create", "ci", "--scope", "control")).isZero();
        String second = out.toString().strip();
        assertThat(grid("token", "list")).isZero();
        assertThat(out.toString()).contains("NAME", "SCOPE", "CREATED", "LAST USED").containsPattern("ci +control")
                .containsPattern("grafana +read +\\S+ +never +valid");
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            assertThat(out.toString()).doesNotContain(token).doesNotContain(second)
                    .doesNotContain(db.apiTokens().find("ci").orElseThrow().hash());
        }
    }

    @Test
    void duplicatesUnknownNamesAndBadScopesGetClearErrors() {
        assertThat(grid("token", "create", "ci", "--scope", "control")).isZero();
        assertThat(grid("token", "create", "CI", "--scope", "read")).isEqualTo(1);
        assertThat(err.toString()).contains("a token named 'ci' exists");
        assertThat(out.toString()).as("no token printed").isEmpty();

        assertThat(grid("token", "create", "x", "--scope", "admin")).isEqualTo(2);
        assertThat(err.toString()).contains("--scope must be read or control, not 'admin'");
        assertThat(grid("token", "create", "two words", "--scope", "read")).isEqualTo(2);
        assertThat(err.toString()).contains("a token name is 1 to 64 letters");
        assertThat(grid("token", "create", "noscope")).isEqualTo(2);
        assertThat(err.toString()).contains("--scope");

        assertThat(grid("token", "revoke", "nobody")).isEqualTo(1);
        assertThat(err.toString()).contains("no API token named 'nobody'");
        assertThat(grid("token", "revoke", "ci")).isZero();
        assertThat(out.toString()).contains("revoked API token 'ci'");
        assertThat(grid("token", "revoke", "ci")).isEqualTo(1);
        assertThat(err.toString()).contains("revoked already");
        assertThat(grid("token", "list")).isZero();
        assertThat(out.toString()).containsPattern("ci +control +\\S+ +never +revoked ");

        assertThat(grid("token", "create", "ci", "--scope", "read")).as("a revoked name may be taken again").isZero();
    }

    @Test
    void listingWithoutADatabaseCreatesNone() {
        assertThat(grid("token", "list")).isEqualTo(1);
        assertThat(dir.resolve("gridbot.mv.db")).doesNotExist();
    }
}
