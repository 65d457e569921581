package io.gridbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gridbot.persistence.secret.Credentials;
import io.gridbot.persistence.secret.MasterKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Keys and secrets are never printed or logged, whatever happens to them (the team's standard). */
class SecretsNeverLeakTest {

    private static final String API_KEY = "AKEY-9f8e7d6c5b4a39281706";
    private static final String SECRET = "SECRET-0a1b2c3d4e5f60718293";
    private static final String PASSPHRASE = "PASSPHRASE-77aa66bb55cc44dd";

    @TempDir
    Path dir;

    @Test
    void storingAndLoadingCredentialsLeavesNoTraceInLogsTextsOrTheDatabase() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
        var console = root.getAppender("CONSOLE");
        root.detachAppender(console); // captured, not printed
        // Everything at TRACE, jOOQ's SQL with its bind values included.
        java.util.List<Logger> loud = java.util.List.of(root, context.getLogger("org.jooq"), context.getLogger("com.zaxxer.hikari"),
                context.getLogger("org.flywaydb"));
        java.util.List<ch.qos.logback.classic.Level> levels = loud.stream().map(Logger::getLevel).toList();
        loud.forEach(l -> l.setLevel(ch.qos.logback.classic.Level.TRACE));
        StringBuilder texts = new StringBuilder();
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            MasterKey key = MasterKey.load(Map.of(), dir.resolve("master.key"));
            Credentials credentials = new Credentials("binance", "main", API_KEY, SECRET);
            db.credentials(key).save(credentials, 0);
            Credentials loaded = db.credentials(key).load("binance", "main").orElseThrow();
            Credentials okx = new Credentials("okx", "main", API_KEY, SECRET, PASSPHRASE);
            db.credentials(key).save(okx, 0);
            texts.append(okx).append(db.credentials(key).load("okx", "main").orElseThrow());
            texts.append(credentials).append(loaded).append(key).append(DatabaseSettings.server("jdbc:mysql://h/db", "u", SECRET));
            try {
                db.credentials(MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]))).load("binance", "main");
            } catch (RuntimeException e) {
                texts.append(e).append(e.getMessage());
            }
            texts.append(db.dsl().fetch("select * from exchange_credential").format());
        } finally {
            root.detachAppender(captured);
            root.addAppender(console);
            for (int i = 0; i < loud.size(); i++) {
                loud.get(i).setLevel(levels.get(i));
            }
        }
        StringBuilder logged = new StringBuilder();
        captured.list.forEach(e -> logged.append(e.getFormattedMessage()).append('\n'));
        String keyFile = Files.readString(dir.resolve("master.key"));

        assertThat(logged.toString()).isNotEmpty().doesNotContain(API_KEY).doesNotContain(SECRET).doesNotContain(PASSPHRASE)
                .doesNotContain(keyFile);
        assertThat(texts.toString()).doesNotContain(API_KEY).doesNotContain(SECRET).doesNotContain(PASSPHRASE)
                .doesNotContain(keyFile).contains("apiKey=***", "secret=***", "passphrase=***", "MasterKey[***]", "password=***");
    }
}
