package io.gridbot.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.GridbotMain;
import io.gridbot.runner.web.auth.PasswordHash;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code grid user}: dashboard users are added with a hashed password read from a file or stdin, listed and removed. */
class UserCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int grid(String stdin, String... args) {
        CommandLine cli = new CommandLine(new GridbotMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        if (stdin != null) {
            CommandLine add = cli.getSubcommands().get("user").getSubcommands().get("add");
            ((UserCommand.Add) add.getCommand()).stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--data-dir=" + dir;
        return cli.execute(all);
    }

    @Test
    void aUserIsAddedFromAPasswordFileOrStdinAndOnlyTheHashIsStored() throws Exception {
        Path secret = dir.resolve("pw.txt");
        Files.writeString(secret, "s3cret-passphrase\n");
        assertThat(grid(null, "user", "add", "alice", "--password-file", secret.toString())).isZero();
        assertThat(grid("another-passphrase\n", "user", "add", "bob")).isZero();
        assertThat(grid("changed-passphrase\n", "user", "add", "bob")).isZero();
        assertThat(out.toString()).contains("added dashboard user alice", "added dashboard user bob",
                "changed the password of dashboard user bob").doesNotContain("passphrase");

        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            String hash = db.dashboardUsers().find("alice").orElseThrow().passwordHash();
            assertThat(hash).doesNotContain("s3cret");
            assertThat(PasswordHash.matches("s3cret-passphrase".toCharArray(), hash)).isTrue();
            assertThat(PasswordHash.matches("changed-passphrase".toCharArray(),
                    db.dashboardUsers().find("bob").orElseThrow().passwordHash())).isTrue();
        }
        assertThat(grid(null, "user", "list")).isZero();
        assertThat(out.toString()).contains("alice (since", "bob (since");
        assertThat(grid(null, "user", "remove", "bob")).isZero();
        assertThat(grid(null, "user", "remove", "bob")).isEqualTo(1);
    }

    @Test
    void shortPasswordsAndOddNamesAreRefused() {
        assertThat(grid("short\n", "user", "add", "carol")).isEqualTo(1);
        assertThat(out.toString()).contains("at least 8 characters");
        assertThat(grid("long-enough-password\n", "user", "add", "bad name!")).isEqualTo(2);
    }

    @Test
    void hashesAreSaltedSlowAndCheckedExactly() {
        String a = PasswordHash.of("same-password".toCharArray());
        String b = PasswordHash.of("same-password".toCharArray());
        assertThat(a).isNotEqualTo(b).startsWith("pbkdf2-sha256$" + PasswordHash.ITERATIONS + "$");
        assertThat(PasswordHash.ITERATIONS).isGreaterThanOrEqualTo(210_000);
        assertThat(PasswordHash.matches("same-password".toCharArray(), a)).isTrue();
        assertThat(PasswordHash.matches("same-passwore".toCharArray(), a)).isFalse();
        assertThat(PasswordHash.matches("x".toCharArray(), "garbage")).isFalse();
        assertThat(PasswordHash.matches("x".toCharArray(), null)).isFalse();
    }
}
