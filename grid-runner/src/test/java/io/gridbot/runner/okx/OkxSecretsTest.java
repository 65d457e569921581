package io.gridbot.runner.okx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gridbot.exchange.okx.OkxVenueProvider;
import io.gridbot.exchange.okx.fake.FakeInstrument;
import io.gridbot.exchange.okx.fake.FakeOkx;
import io.gridbot.exchange.venue.VenueCatalog;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.GridbotMain;
import io.gridbot.runner.cli.VenuesCommand;
import io.gridbot.runner.testing.Terminal;
import io.gridbot.runner.venue.StoredCredentials;
import io.gridbot.runner.venue.Venues;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * OKX's key, secret and passphrase never show (issue 17): not in {@code grid credentials} or {@code grid venues}
 * output, not in an error about a refused key, not in any log line at any level, while they are stored, listed and
 * used to open the fake OKX.
 */
class OkxSecretsTest {

    private static final String KEY = FakeOkx.CREDENTIALS.apiKey();
    private static final String SECRET = FakeOkx.CREDENTIALS.secret();
    private static final String PASSPHRASE = FakeOkx.CREDENTIALS.passphrase();

    @TempDir
    Path dir;

    /** {@code grid venues} in this environment: what it prints, out and err together. */
    private static String venues(Map<String, String> env) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new GridbotMain(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == VenuesCommand.class ? type.cast(new VenuesCommand(env))
                        : CommandLine.defaultFactory().create(type);
            }
        });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        assertThat(cli.execute("venues")).isZero();
        return out.toString();
    }

    @Test
    void theKeySecretAndPassphraseAppearInNoOutputErrorOrLog() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        root.setLevel(Level.TRACE);
        StringBuilder said = new StringBuilder();
        try (FakeOkx fake = FakeOkx.start(FakeInstrument.BTC_USDT_SWAP, new BigDecimal("26050.0"))) {
            Path keys = Files.writeString(dir.resolve("okx.keys"), KEY + "\n" + SECRET + "\n" + PASSPHRASE + "\n");
            Terminal terminal = new Terminal(dir);
            assertThat(terminal.run("credentials", "set", "--exchange", "okx", "--from-file", keys.toString())).isZero();
            assertThat(terminal.run("credentials", "list")).isZero();
            Map<String, String> env = Map.of(OkxVenueProvider.REST_URL, fake.restUrl());
            said.append(terminal.output()).append(venues(Map.of(OkxVenueProvider.API_KEY, KEY,
                    OkxVenueProvider.API_SECRET, SECRET, OkxVenueProvider.PASSPHRASE, PASSPHRASE)));

            try (Database db = Database.open(DatabaseSettings.embedded(dir));
                    Venues venues = Venues.configured().withFound(VenueCatalog.discover(),
                            new VenueSettings(env, StoredCredentials.accounts(db, Map.of(), dir)))) {
                assertThat(venues.adapter("okx").symbolRules("BTC-USDT-SWAP").symbol()).isEqualTo("BTC-USDT-SWAP");
            }
            assertThat(fake.goodSignatures()).as("the stored account opened the venue").isPositive();

            Map<String, String> wrong = Map.of(OkxVenueProvider.REST_URL, fake.restUrl(), OkxVenueProvider.API_KEY, KEY,
                    OkxVenueProvider.API_SECRET, SECRET, OkxVenueProvider.PASSPHRASE, PASSPHRASE + "x");
            try (Venues venues = Venues.configured().withFound(VenueCatalog.discover(), VenueSettings.of(wrong))) {
                Throwable refused = catchThrowable(() -> venues.adapter("okx"));
                assertThat(refused).as("a wrong passphrase is refused").isNotNull();
                said.append(refused).append(refused.getMessage());
            }
        } finally {
            root.detachAppender(log);
            root.setLevel(level);
        }
        StringBuilder logged = new StringBuilder();
        log.list.forEach(e -> logged.append(e.getFormattedMessage()).append('\n'));

        assertThat(said.toString()).contains("stored okx/default, encrypted", "okx/default",
                "GRIDBOT_OKX_PASSPHRASE (set;");
        for (String value : new String[] {KEY, SECRET, PASSPHRASE}) {
            assertThat(said.toString()).doesNotContain(value);
            assertThat(logged.toString()).doesNotContain(value);
        }
    }
}
