package io.gridbot.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.command.GridCommand.AlertKind;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.persistence.notify.Notifier;
import io.gridbot.persistence.secret.MasterKey;
import io.gridbot.runner.testing.FakeReceiver;
import io.gridbot.runner.testing.FakeReceiver.Reply;
import io.gridbot.runner.testing.Terminal;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grid notify}: notifiers are added, listed without secrets, tested against a fake receiver and removed. */
class NotifyCommandTest {

    private static final String TOKEN = "7012345678:AAFcli-bot-token_abcdef0123456789";

    @TempDir
    Path dir;

    private final FakeReceiver receiver = new FakeReceiver();

    NotifyCommandTest() throws Exception {
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    private int withStdin(String input, Terminal terminal, String... args) {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            return terminal.run(args);
        } finally {
            System.setIn(stdin);
        }
    }

    private Notifier stored(String name) throws Exception {
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            return db.notifiers(MasterKey.load(Map.of(), dir.resolve("master.key"))).find(name).orElseThrow();
        }
    }

    @Test
    void aTelegramNotifierIsAddedWithItsTokenFromStandardInputAndNeverPrinted() throws Exception {
        Terminal terminal = new Terminal(dir);

        assertThat(withStdin(TOKEN + "\n", terminal, "notify", "add", "telegram", "Phone", "--chat-id",
                "-1001234567", "--kinds", "STOP_LOSS,safe-mode")).isZero();
        assertThat(terminal.run("notify", "list")).isZero();

        assertThat(terminal.output()).contains("added telegram notifier phone (stop_loss,safe_mode), its secret stored encrypted")
                .contains("phone", "telegram", "chat …67", "stop_loss,safe_mode", "enabled")
                .doesNotContain(TOKEN).doesNotContain("AAFcli").doesNotContain("-1001234567");
        Notifier phone = stored("phone");
        assertThat(phone.secret()).contains(TOKEN);
        assertThat(phone.target()).isEqualTo("-1001234567");
        assertThat(phone.wants()).isEqualTo(EnumSet.of(AlertKind.STOP_LOSS, AlertKind.SAFE_MODE));
        assertThat(new String(Files.readAllBytes(dir.resolve("gridbot.mv.db")), StandardCharsets.ISO_8859_1))
                .as("not in clear in the database file").doesNotContain(TOKEN).doesNotContain("AAFcli");
    }

    @Test
    void aWebhookIsTestedAndSaysWhatTheReceiverAnswered() throws Exception {
        Terminal terminal = new Terminal(dir);
        receiver.answer(Reply.of(200, "thanks"), Reply.of(403, "forbidden here"));

        assertThat(withStdin("sign-me\n", terminal, "notify", "add", "webhook", "ops", "--url",
                receiver.uri("/hook").toString(), "--secret-stdin")).isZero();
        assertThat(terminal.run("notify", "test", "ops")).isZero();
        FakeReceiver.Request r = receiver.next(Duration.ofSeconds(10));
        assertThat(terminal.run("notify", "test", "OPS")).isEqualTo(1);

        assertThat(r.body()).contains("\"kind\":\"TEST\"", "\"grid\":\"(test)\"");
        assertThat(r.header("X-Gridbot-Signature")).startsWith("sha256=");
        assertThat(terminal.output()).contains("added webhook notifier ops (all alerts), its secret stored encrypted",
                "notifier ops: delivered (HTTP 200: thanks)", "notifier ops: refused by the receiver (HTTP 403: forbidden here)")
                .doesNotContain("sign-me");
    }

    @Test
    void badInputIsRefusedWithItsReasonAndNothingIsStored() throws Exception {
        Terminal terminal = new Terminal(dir);

        assertThat(terminal.run("notify", "add", "webhook", "ops", "--url", "ftp://example.test/x")).isEqualTo(2);
        assertThat(terminal.run("notify", "add", "webhook", "ops", "--url", "not a url")).isEqualTo(2);
        assertThat(terminal.run("notify", "add", "webhook", "ops", "--url", "https://example.test/x",
                "--kinds", "stop_loss,lunch")).isEqualTo(2);
        assertThat(terminal.run("notify", "add", "webhook", "bad name", "--url", "https://example.test/x")).isEqualTo(2);
        assertThat(withStdin("not-a-token\n", terminal, "notify", "add", "telegram", "phone", "--chat-id", "42")).isEqualTo(2);
        assertThat(withStdin(TOKEN + "\n", terminal, "notify", "add", "telegram", "phone", "--chat-id", "my chat")).isEqualTo(2);
        assertThat(terminal.run("notify", "add", "webhook", "ops", "--url", "https://example.test/x")).isZero();
        assertThat(terminal.run("notify", "add", "webhook", "OPS", "--url", "https://example.test/y")).isEqualTo(1);
        assertThat(terminal.run("notify", "remove", "nobody")).isEqualTo(1);
        assertThat(terminal.run("notify", "test", "nobody")).isEqualTo(1);

        assertThat(terminal.output()).contains(
                "--url must be an http:// or https:// URL with a host",
                "--kinds: unknown alert kind 'lunch' (one of stop_loss, safe_mode, insufficient_balance, "
                        + "unexpected_error, rate_limited, stream_silent, or all)",
                "NAME: a notifier name is 1 to 64 characters",
                "expected the bot token as BotFather gave it",
                "--chat-id must be a chat's numeric id",
                "a notifier named ops already exists",
                "no notifier named nobody")
                .doesNotContain("not-a-token").doesNotContain("Exception");
        terminal.clear();
        assertThat(terminal.run("notify", "list")).isZero();
        assertThat(terminal.output()).contains("ops", "https://example.test/…").doesNotContain("phone");
    }

    @Test
    void aNotifierIsDisabledAndEnabledByName() throws Exception {
        Terminal terminal = new Terminal(dir);
        assertThat(terminal.run("notify", "add", "webhook", "ops", "--url", "https://example.test/x")).isZero();

        assertThat(terminal.run("notify", "disable", "OPS")).isZero();
        assertThat(stored("ops").enabled()).isFalse();
        assertThat(terminal.run("notify", "list")).isZero();
        assertThat(terminal.run("notify", "enable", "ops")).isZero();
        assertThat(terminal.run("notify", "enable", "nobody")).isEqualTo(1);

        assertThat(stored("ops").enabled()).isTrue();
        assertThat(terminal.output()).contains("notifier ops disabled", "all alerts                     disabled",
                "notifier ops enabled", "no notifier named nobody");
    }

    @Test
    void aRemovedNotifierIsGone() {
        Terminal terminal = new Terminal(dir);
        assertThat(terminal.run("notify", "add", "webhook", "ops", "--url", "https://example.test/x")).isZero();

        assertThat(terminal.run("notify", "remove", "ops")).isZero();
        assertThat(terminal.run("notify", "list")).isZero();

        assertThat(terminal.output()).contains("removed notifier ops", "no notifiers");
    }
}
