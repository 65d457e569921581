package io.gridbot.runner.cli;

import io.gridbot.exchange.venue.VenueCatalog;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.secret.Credentials;
import io.gridbot.persistence.secret.MasterKey;
import io.gridbot.runner.store.OpenMode;
import io.gridbot.runner.store.StoreOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code grid credentials set | list | delete}: exchange API keys in the encrypted store (AES-256-GCM under
 * the master key from {@code GRIDBOT_MASTER_KEY} or {@code <data-dir>/master.key}). Keys are read from the
 * terminal without echo, from standard input or from a file, never from arguments, and never printed.
 */
@Command(name = "credentials", mixinStandardHelpOptions = true, description = "Store exchange API keys, encrypted.",
        subcommands = {CredentialsCommand.Set.class, CredentialsCommand.ListAccounts.class, CredentialsCommand.Delete.class})
public final class CredentialsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Which stored account a command is about. */
    static final class Account {

        @Option(names = "--exchange", defaultValue = "binance", description = "the venue, one of those found (default ${DEFAULT-VALUE})")
        String exchange;

        @Option(names = "--account", defaultValue = "default", description = "the account's label (default ${DEFAULT-VALUE})")
        String label;

        @Override
        public String toString() {
            return exchange + "/" + label;
        }
    }

    static MasterKey masterKey(StoreOptions store) throws IOException {
        return MasterKey.load(System.getenv(), store.dataDirectory().resolve("master.key"));
    }

    /** {@code grid credentials set --exchange binance [--account NAME] [--from-file F]}. */
    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Store (or replace) an account's API key and secret: asked for without echo, or read as two "
                    + "lines (key, then secret) from standard input or --from-file.")
    static final class Set implements Callable<Integer> {

        @Mixin
        Account account;

        @Option(names = "--from-file", description = "a file of two lines: the API key, then the secret")
        Path file;

        @Mixin
        StoreOptions store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            VenueCatalog venues = VenueCatalog.discover();
            if (venues.find(account.exchange).isEmpty()) {
                err.println("--exchange: " + venues.unknown(account.exchange));
                return 2;
            }
            String[] pair;
            try {
                pair = read();
            } catch (IOException e) {
                err.println("cannot read the key and secret: " + e.getMessage());
                return 1;
            }
            if (pair == null) {
                err.println("expected two non-empty lines: the API key, then the secret");
                return 1;
            }
            try (Database db = store.open(OpenMode.CREATE)) {
                db.credentials(masterKey(store)).save(new Credentials(account.exchange, account.label, pair[0], pair[1]),
                        System.currentTimeMillis());
            }
            spec.commandLine().getOut().printf("stored %s, encrypted%n", account);
            return 0;
        }

        private String[] read() throws IOException {
            List<char[]> got = SecretInput.read(file, System.in, 2, "API key: ", "secret: ");
            try {
                if (got.size() < 2 || got.get(0).length == 0 || got.get(1).length == 0) {
                    return null;
                }
                return new String[] {new String(got.get(0)), new String(got.get(1))};
            } finally {
                got.forEach(v -> Arrays.fill(v, '\0'));
            }
        }
    }

    /** {@code grid credentials list}: the stored accounts, without their keys. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the stored accounts (never their keys).")
    static final class ListAccounts implements Callable<Integer> {

        @Mixin
        StoreOptions store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Database db = store.open(OpenMode.EXISTING)) {
                List<String> accounts = db.credentials(masterKey(store)).accounts();
                PrintWriter out = spec.commandLine().getOut();
                if (accounts.isEmpty()) {
                    out.println("no stored credentials");
                }
                accounts.forEach(out::println);
            }
            return 0;
        }
    }

    /** {@code grid credentials delete --exchange binance --account NAME}. */
    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete an account's stored credentials.")
    static final class Delete implements Callable<Integer> {

        @Mixin
        Account account;

        @Mixin
        StoreOptions store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Database db = store.open(OpenMode.EXISTING)) {
                if (!db.credentials(masterKey(store)).delete(account.exchange, account.label)) {
                    spec.commandLine().getErr().printf("no stored credentials for %s%n", account);
                    return 1;
                }
            }
            spec.commandLine().getOut().printf("deleted %s%n", account);
            return 0;
        }
    }
}
