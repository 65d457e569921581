package io.gridbot.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.persistence.secret.Credentials;
import io.gridbot.persistence.secret.MasterKey;
import io.gridbot.runner.testing.Terminal;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grid credentials}: keys go into the encrypted store from stdin or a file and never come back out in text. */
class CredentialsCommandTest {

    private static final String KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    @TempDir
    Path dir;

    @Test
    void keysAreStoredEncryptedFromStandardInputAndNeverPrinted() throws Exception {
        Terminal terminal = new Terminal(dir);
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream((KEY + "\n" + SECRET + "\n").getBytes(StandardCharsets.UTF_8)));
            assertThat(terminal.run("credentials", "set", "--exchange", "binance", "--account", "main")).isZero();
        } finally {
            System.setIn(stdin);
        }
        assertThat(terminal.run("credentials", "list")).isZero();

        assertThat(terminal.output()).contains("stored binance/main, encrypted", "binance/main")
                .doesNotContain(KEY).doesNotContain(SECRET);
        assertThat(Files.exists(dir.resolve("master.key"))).as("a master key was made for the store").isTrue();
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            Optional<Credentials> stored = db.credentials(MasterKey.load(Map.of(), dir.resolve("master.key")))
                    .load("binance", "main");
            assertThat(stored).hasValueSatisfying(c -> {
                assertThat(c.apiKey()).isEqualTo(KEY);
                assertThat(c.secret()).isEqualTo(SECRET);
            });
        }
        assertThat(new String(Files.readAllBytes(dir.resolve("gridbot.mv.db")), StandardCharsets.ISO_8859_1))
                .as("not in clear in the database file").doesNotContain(KEY).doesNotContain(SECRET);
    }

    @Test
    void keysComeFromAFileAndAnAccountIsDeleted() throws Exception {
        Path file = dir.resolve("binance.keys");
        Files.writeString(file, KEY + "\n" + SECRET + "\n");
        Terminal terminal = new Terminal(dir);

        assertThat(terminal.run("credentials", "set", "--from-file", file.toString())).isZero();
        assertThat(terminal.run("credentials", "delete", "--account", "default")).isZero();
        assertThat(terminal.run("credentials", "delete", "--account", "default")).isEqualTo(1);
        assertThat(terminal.run("credentials", "list")).isZero();

        assertThat(terminal.output()).contains("stored binance/default", "deleted binance/default",
                "no stored credentials for binance/default", "no stored credentials").doesNotContain(SECRET);
    }

    @Test
    void keysForAVenueThatWasNotFoundAreRefusedBeforeAnyIsRead() throws Exception {
        Path file = dir.resolve("kucoin.keys");
        Files.writeString(file, KEY + "\n" + SECRET + "\n");
        Terminal terminal = new Terminal(dir);

        assertThat(terminal.run("credentials", "set", "--exchange", "kucoin", "--from-file", file.toString())).isEqualTo(2);
        assertThat(terminal.output()).contains("--exchange: unknown venue 'kucoin' (venues found: binance, bybit, okx, simulated)")
                .doesNotContain(KEY);
        assertThat(Files.exists(dir.resolve("master.key"))).as("nothing was stored, not even a key made").isFalse();
    }

    @Test
    void anIncompletePairIsRefusedWithItsReason() throws Exception {
        Path file = dir.resolve("half.keys");
        Files.writeString(file, KEY + "\n");
        Terminal terminal = new Terminal(dir);

        assertThat(terminal.run("credentials", "set", "--from-file", file.toString())).isEqualTo(1);
        assertThat(terminal.output()).contains("expected two non-empty lines: the API key, then the secret")
                .doesNotContain(KEY);
    }

    @Test
    void anOkxAccountIsStoredWithItsPassphraseAndTwoLinesAreRefusedWithTheReason() throws Exception {
        // issue 17: OKX's keys come with a third secret
        String passphrase = "Pa55phrase-okx-9a8b7c";
        Path half = Files.writeString(dir.resolve("okx-half.keys"), KEY + "\n" + SECRET + "\n");
        Path full = Files.writeString(dir.resolve("okx.keys"), KEY + "\n" + SECRET + "\n" + passphrase + "\n");
        Terminal terminal = new Terminal(dir);

        assertThat(terminal.run("credentials", "set", "--exchange", "okx", "--from-file", half.toString())).isEqualTo(1);
        assertThat(terminal.output())
                .contains("expected three non-empty lines: the API key, the secret, then the passphrase");
        assertThat(terminal.run("credentials", "set", "--exchange", "okx", "--account", "main", "--from-file",
                full.toString())).isZero();
        assertThat(terminal.run("credentials", "list")).isZero();

        assertThat(terminal.output()).contains("stored okx/main, encrypted", "okx/main")
                .doesNotContain(KEY).doesNotContain(SECRET).doesNotContain(passphrase);
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            assertThat(db.credentials(MasterKey.load(Map.of(), dir.resolve("master.key"))).load("okx", "main"))
                    .hasValueSatisfying(c -> assertThat(c.passphrase()).isEqualTo(passphrase));
        }
        assertThat(new String(Files.readAllBytes(dir.resolve("gridbot.mv.db")), StandardCharsets.ISO_8859_1))
                .as("not in clear in the database file").doesNotContain(passphrase);
    }

    @Test
    void aBybitAccountIsStoredAsAKeyAndASecretNeverShown() throws Exception {
        // issue 18: Bybit's keys are a pair, as Binance's
        Path keys = Files.writeString(dir.resolve("bybit.keys"), KEY + "\n" + SECRET + "\n");
        Terminal terminal = new Terminal(dir);

        assertThat(terminal.run("credentials", "set", "--exchange", "bybit", "--account", "main", "--from-file",
                keys.toString())).as(terminal.output()).isZero();
        assertThat(terminal.run("credentials", "list")).isZero();

        assertThat(terminal.output()).contains("stored bybit/main, encrypted", "bybit/main")
                .doesNotContain(KEY).doesNotContain(SECRET);
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            assertThat(db.credentials(MasterKey.load(Map.of(), dir.resolve("master.key"))).load("bybit", "main"))
                    .hasValueSatisfying(c -> assertThat(c.secret()).isEqualTo(SECRET));
        }
    }
}
