package io.gridbot.runner.cli;

import io.gridbot.persistence.Database;
import io.gridbot.persistence.user.LoginName;
import io.gridbot.runner.store.OpenMode;
import io.gridbot.runner.store.StoreOptions;
import io.gridbot.runner.web.auth.PasswordHash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code grid user add | list | remove}: the dashboard's users. A password is never a command-line
 * argument (it would show in {@code ps} and the shell history): it is typed at a prompt, piped on stdin, or
 * read from {@code --password-file}; only its salted PBKDF2 hash is stored.
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage the web dashboard's users.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Remove.class})
public final class UserCommand implements Runnable {

    /** Shortest password accepted. */
    static final int MIN_LENGTH = 8;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code grid user add NAME}: adds a user, or sets a new password for an existing one. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a dashboard user (or change their password); the password is read from a prompt, "
                    + "stdin or --password-file, never from the command line.")
    public static final class Add implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NAME", description = "the login name")
        String name;

        @Option(names = "--password-file", paramLabel = "FILE", description = "read the password from the first line of this file")
        Path passwordFile;

        @Mixin
        StoreOptions store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** Where a piped password comes from; tests replace it. */
        InputStream stdin = System.in;

        @Override
        public Integer call() throws IOException {
            if (!LoginName.valid(name)) {
                spec.commandLine().getErr().println("a user name is " + LoginName.RULE);
                return 2;
            }
            name = LoginName.of(name);
            char[] password = password();
            if (password == null) {
                return 1;
            }
            try {
                if (password.length < MIN_LENGTH) {
                    spec.commandLine().getErr().println("the password must have at least " + MIN_LENGTH + " characters");
                    return 1;
                }
                String hash = PasswordHash.of(password);
                try (Database db = store.open(OpenMode.CREATE)) {
                    boolean added = db.dashboardUsers().save(name, hash, System.currentTimeMillis());
                    spec.commandLine().getOut().println(added ? "added dashboard user " + name
                            : "changed the password of dashboard user " + name);
                }
                return 0;
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        private char[] password() throws IOException {
            List<char[]> got = SecretInput.read(passwordFile, stdin, 1, "password for " + name + ": ", "again: ");
            if (got.size() == 2 && !Arrays.equals(got.get(0), got.get(1))) {
                spec.commandLine().getErr().println("the two passwords differ");
                got.forEach(p -> Arrays.fill(p, '\0'));
                return null;
            }
            if (got.size() == 2) {
                Arrays.fill(got.get(1), '\0');
            }
            return got.isEmpty() ? new char[0] : got.get(0);
        }
    }

    /** {@code grid user list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the dashboard's users.")
    public static final class ListUsers implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = store.open(OpenMode.EXISTING)) {
                var users = db.dashboardUsers().list();
                if (users.isEmpty()) {
                    spec.commandLine().getOut().println("no dashboard user; add one with 'grid user add NAME'");
                }
                users.forEach(u -> spec.commandLine().getOut().printf("%s (since %s)%n", u.name(),
                        java.time.Instant.ofEpochMilli(u.createdAt())));
                return 0;
            }
        }
    }

    /** {@code grid user remove NAME}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a dashboard user.")
    public static final class Remove implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "the login name")
        String name;

        @Mixin
        StoreOptions store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = store.open(OpenMode.EXISTING)) {
                if (!db.dashboardUsers().delete(name)) {
                    spec.commandLine().getErr().println("no dashboard user named " + name);
                    return 1;
                }
                spec.commandLine().getOut().println("removed dashboard user " + LoginName.of(name)
                        + " (their open sessions end at their next request)");
                return 0;
            }
        }
    }
}
