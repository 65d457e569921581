package io.gridbot.runner.bybit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gridbot.exchange.bybit.BybitVenueProvider;
import io.gridbot.exchange.bybit.fake.FakeBybit;
import io.gridbot.exchange.bybit.fake.FakeInstrument;
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
 * Bybit's key and secret never show (issue 18): not in {@code grid credentials} or {@code grid venues} output, not in
 * the error of a refused secret, not in any log line at any level, while they are stored, listed and used to open the
 * fake Bybit.
 */
class BybitSecretsTest {

    private static final String KEY = FakeBybit.CREDENTIALS.apiKey();
    private static final String SECRET = FakeBybit.CREDENTIALS.secret();

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
    void theKeyAndSecretAppearInNoOutputErrorOrLog() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        root.setLevel(Level.TRACE);
        StringBuilder said = new StringBuilder();
        try (FakeBybit fake = FakeBybit.start(FakeInstrument.BTCUSDT, new BigDecimal("64000.0"))) {
            Path keys = Files.writeString(dir.resolve("bybit.keys"), KEY + "\n" + SECRET + "\n");
            Terminal terminal = new Terminal(dir);
            assertThat(terminal.run("credentials", "set", "--exchange", "bybit", "--from-file", keys.toString())).isZero();
            assertThat(terminal.run("credentials", "list")).isZero();
            Map<String, String> env = Map.of(BybitVenueProvider.REST_URL, fake.restUrl());
            said.append(terminal.output()).append(venues(Map.of(BybitVenueProvider.API_KEY, KEY,
                    BybitVenueProvider.API_SECRET, SECRET)));

            try (Database db = Database.open(DatabaseSettings.embedded(dir));
                    Venues venues = Venues.configured().withFound(VenueCatalog.discover(),
                            new VenueSettings(env, StoredCredentials.accounts(db, Map.of(), dir)))) {
                assertThat(venues.adapter("bybit").symbolRules("BTCUSDT").symbol()).isEqualTo("BTCUSDT");
            }
            assertThat(fake.goodSignatures()).as("the stored account opened the venue").isPositive();

            Map<String, String> wrong = Map.of(BybitVenueProvider.REST_URL, fake.restUrl(), BybitVenueProvider.API_KEY,
                    KEY, BybitVenueProvider.API_SECRET, SECRET + "x");
            try (Venues venues = Venues.configured().withFound(VenueCatalog.discover(), VenueSettings.of(wrong))) {
                Throwable refused = catchThrowable(() -> venues.adapter("bybit"));
                assertThat(refused).as("a wrong secret is refused at open").isNotNull();
                said.append(refused).append(refused.getMessage());
            }
            assertThat(fake.badSignatures()).isPositive();
        } finally {
            root.detachAppender(log);
            root.setLevel(level);
        }
        StringBuilder logged = new StringBuilder();
        log.list.forEach(e -> logged.append(e.getFormattedMessage()).append('\n'));

        assertThat(said.toString()).contains("stored bybit/default, encrypted", "bybit/default",
                "GRIDBOT_BYBIT_API_SECRET (set;", "10004");
        for (String value : new String[] {KEY, SECRET}) {
            assertThat(said.toString()).doesNotContain(value);
            assertThat(logged.toString()).doesNotContain(value);
        }
    }
}
