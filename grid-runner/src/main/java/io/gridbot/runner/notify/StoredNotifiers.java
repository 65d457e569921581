package io.gridbot.runner.notify;

import io.gridbot.persistence.Database;
import io.gridbot.persistence.notify.Notifier;
import io.gridbot.persistence.secret.MasterKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The notifiers stored in the database, opened with the master key of the environment or the data directory,
 * read afresh at each call. The key is looked for at each read and never created here: {@code grid notify add}
 * creates it with the first notifier, possibly while a daemon runs.
 */
public final class StoredNotifiers implements Supplier<List<Notifier>> {

    private final Database db;
    private final Map<String, String> env;
    private final Path keyFile;

    public StoredNotifiers(Database db, Map<String, String> env, Path keyFile) {
        this.db = db;
        this.env = env;
        this.keyFile = keyFile;
    }

    /**
     * @throws IllegalStateException when notifiers are stored but no master key opens them
     */
    @Override
    public List<Notifier> get() {
        String fromEnv = env.get(MasterKey.ENV);
        if ((fromEnv == null || fromEnv.isBlank()) && !Files.exists(keyFile)) {
            int stored = db.notifiers().listed().size();
            if (stored > 0) {
                throw new IllegalStateException("notifiers are stored (" + stored + ") but there is no master key ("
                        + MasterKey.ENV + " or " + keyFile + ") to open them");
            }
            return List.of();
        }
        try {
            return db.notifiers(MasterKey.load(env, keyFile)).all();
        } catch (IOException e) {
            throw new UncheckedIOException("the master key is unreadable: " + e.getMessage(), e);
        }
    }
}
