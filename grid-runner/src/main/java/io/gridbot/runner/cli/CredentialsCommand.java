package io.gridbot.runner.cli;

import io.gridbot.exchange.venue.AccountCredentials;
import io.gridbot.exchange.venue.VenueCatalog;
import io.gridbot.exchange.venue.VenueProvider;
import io.gridbot.exchange.venue.VenueSetting;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.secret.Credentials;
import io.gridbot.persistence.secret.MasterKey;
import io.gridbot.runner.store.OpenMode;
import io.gridbot.runner.store.StoreOptions;
import io.gridbot.runner.venue.VenuePath;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
            description = "Store (or replace) an account's API key and secret, and its passphrase on a venue that asks "
                    + "for one (okx): asked for without echo, or read one a line (key, secret, then passphrase) from "
                    + "standard input or --from-file.")
    static final class Set implements Callable<Integer> {

        /** A field the store keeps: its name in {@link AccountCredentials}, its prompt, and how a message says it. */
        private record Field(String name, String prompt, String said) {
        }

        /** The fields the store keeps, in the order they are asked for. */
        private static final List<Field> STORABLE = List.of(
                new Field(AccountCredentials.API_KEY, "API key: ", "the API key"),
                new Field(AccountCredentials.SECRET, "secret: ", "the secret"),
                new Field(AccountCredentials.PASSPHRASE, "passphrase: ", "the passphrase"));
        private static final List<String> COUNTS = List.of("one", "two", "three");

        @Mixin
        Account account;

        @Option(names = "--from-file", description = "a file of one value a line: the API key, the secret, and the "
                + "passphrase where the venue asks for one")
        Path file;

        @Mixin
        StoreOptions store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            VenueCatalog venues = VenuePath.catalog(System.getenv());
            Optional<VenueProvider> venue = venues.find(account.exchange);
            if (venue.isEmpty()) {
                err.println("--exchange: " + venues.unknown(account.exchange));
                return 2;
            }
            List<Field> asked = fields(venue.get());
            String[] values;
            try {
                values = read(asked);
            } catch (IOException e) {
                err.println("cannot read the credentials: " + e.getMessage());
                return 1;
            }
            if (values == null) {
                List<String> names = asked.stream().map(Field::said).toList();
                err.println("expected " + COUNTS.get(asked.size() - 1) + " non-empty lines: "
                        + String.join(", ", names.subList(0, names.size() - 1)) + ", then " + names.getLast());
                return 1;
            }
            try (Database db = store.open(OpenMode.CREATE)) {
                db.credentials(masterKey(store)).save(new Credentials(account.exchange, account.label, values[0],
                        values[1], values.length > 2 ? values[2] : null), System.currentTimeMillis());
            }
            spec.commandLine().getOut().printf("stored %s, encrypted%n", account);
            return 0;
        }

        /**
         * What the venue reads from a stored account, as its settings name them: the key and secret always, the
         * passphrase when it asks for one.
         */
        private static List<Field> fields(VenueProvider venue) {
            java.util.Set<String> named = venue.settings().stream().map(VenueSetting::storedField)
                    .filter(Objects::nonNull).collect(Collectors.toSet());
            return STORABLE.stream().filter(f -> !f.name().equals(AccountCredentials.PASSPHRASE) || named.contains(f.name()))
                    .toList();
        }

        private String[] read(List<Field> asked) throws IOException {
            List<char[]> got = SecretInput.read(file, System.in, asked.size(),
                    asked.stream().map(Field::prompt).toArray(String[]::new));
            try {
                if (got.size() < asked.size() || got.stream().limit(asked.size()).anyMatch(v -> v.length == 0)) {
                    return null;
                }
                return got.stream().limit(asked.size()).map(String::new).toArray(String[]::new);
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
