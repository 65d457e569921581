package io.gridbot.runner.cli;

import io.gridbot.core.command.GridCommand.AlertKind;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.notify.Notifier;
import io.gridbot.persistence.notify.NotifierKind;
import io.gridbot.persistence.notify.NotifierRepository;
import io.gridbot.runner.store.OpenMode;
import io.gridbot.runner.store.StoreOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code grid notify add webhook | telegram NAME …}: stores a notifier, its target and secret encrypted under the
 * master key. Secrets (the bot token, a webhook's signing key) are read without echo or from standard input,
 * never from arguments, and never printed.
 */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Add a notifier: a webhook or a Telegram chat.",
        subcommands = {NotifyAddCommand.Webhook.class, NotifyAddCommand.Telegram.class})
final class NotifyAddCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What both kinds of notifier are added with. */
    abstract static class Adding implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NAME", description = "the notifier's name")
        String name;

        @Option(names = "--kinds", paramLabel = "KIND[,KIND…]",
                description = "the alerts it is sent: stop_loss, safe_mode, insufficient_balance, unexpected_error, "
                        + "rate_limited, stream_silent, or all (default all)")
        String kinds;

        @Mixin
        StoreOptions store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** The notifier to store, or empty after saying on stderr what is wrong. */
        abstract Optional<Notifier> notifier(Set<AlertKind> wants, PrintWriter err) throws IOException;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            if (NotifierRepository.name(name).isEmpty()) {
                err.println("NAME: a notifier name is " + NotifierRepository.NAME_RULE);
                return 2;
            }
            Optional<Set<AlertKind>> wants = alertKinds(kinds, err);
            if (wants.isEmpty()) {
                return 2;
            }
            Optional<Notifier> notifier = notifier(wants.get(), err);
            if (notifier.isEmpty()) {
                return 2;
            }
            try (Database db = store.open(OpenMode.CREATE)) {
                db.notifiers(CredentialsCommand.masterKey(store)).add(notifier.get(), System.currentTimeMillis());
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 1;
            }
            Notifier n = notifier.get();
            spec.commandLine().getOut().printf("added %s notifier %s (%s)%s; a running daemon uses it within a minute%n",
                    n.kind().name().toLowerCase(Locale.ROOT), NotifierRepository.name(name).orElseThrow(),
                    NotifyCommand.kinds(n.wants()), n.secret().isPresent() ? ", its secret stored encrypted" : "");
            return 0;
        }
    }

    /** {@code grid notify add webhook NAME --url URL [--kinds …] [--secret-stdin]}. */
    @Command(name = "webhook", mixinStandardHelpOptions = true,
            description = "Add a webhook: each alert is POSTed to it as JSON, signed with HMAC-SHA256 when it has a secret.")
    static final class Webhook extends Adding {

        @Option(names = "--url", required = true, description = "where alerts are POSTed (http or https)")
        String url;

        @Option(names = "--secret-stdin", description = "read a shared secret to sign each body with (asked for "
                + "without echo on a terminal, else the first line of standard input)")
        boolean secretStdin;

        @Override
        Optional<Notifier> notifier(Set<AlertKind> wants, PrintWriter err) throws IOException {
            if (!httpUrl(url)) {
                err.println("--url must be an http:// or https:// URL with a host");
                return Optional.empty();
            }
            Optional<String> secret = Optional.empty();
            if (secretStdin) {
                secret = secret(null, "webhook secret: ");
                if (secret.isEmpty()) {
                    err.println("--secret-stdin: expected the secret as a non-empty line");
                    return Optional.empty();
                }
            }
            return Optional.of(new Notifier(name, NotifierKind.WEBHOOK, url, secret, wants, true));
        }
    }

    /** {@code grid notify add telegram NAME --chat-id ID [--kinds …] [--token-file F]}. */
    @Command(name = "telegram", mixinStandardHelpOptions = true,
            description = "Add a Telegram chat: alerts are sent by your bot, whose token is asked for without echo "
                    + "(or read from standard input or --token-file) and stored encrypted.")
    static final class Telegram extends Adding {

        @Option(names = "--chat-id", required = true, description = "the chat's id (e.g. -1001234567890) or @channel")
        String chatId;

        @Option(names = "--token-file", description = "a file whose first line is the bot token")
        Path tokenFile;

        @Override
        Optional<Notifier> notifier(Set<AlertKind> wants, PrintWriter err) throws IOException {
            if (!chatId.matches("-?\\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,63}")) {
                err.println("--chat-id must be a chat's numeric id (a group's starts with '-') or a @channel name");
                return Optional.empty();
            }
            Optional<String> token = secret(tokenFile, "bot token: ");
            if (token.isEmpty() || !token.get().matches("\\d+:[A-Za-z0-9_-]+")) {
                err.println("expected the bot token as BotFather gave it (digits, ':', then letters, digits, '_' or '-')");
                return Optional.empty();
            }
            return Optional.of(new Notifier(name, NotifierKind.TELEGRAM, chatId, token, wants, true));
        }
    }

    static boolean httpUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** One secret line, from the file, the terminal without echo, or standard input. */
    static Optional<String> secret(Path file, String prompt) throws IOException {
        List<char[]> got = SecretInput.read(file, System.in, 1, prompt);
        try {
            return got.isEmpty() || got.get(0).length == 0 ? Optional.empty() : Optional.of(new String(got.get(0)).strip());
        } finally {
            got.forEach(v -> Arrays.fill(v, '\0'));
        }
    }

    /** The kinds a {@code --kinds} value names, any case; empty after saying on stderr what is wrong. */
    static Optional<Set<AlertKind>> alertKinds(String value, PrintWriter err) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("all")) {
            return Optional.of(EnumSet.allOf(AlertKind.class));
        }
        Set<AlertKind> kinds = EnumSet.noneOf(AlertKind.class);
        for (String typed : value.split(",")) {
            String k = typed.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            Optional<AlertKind> kind = Arrays.stream(AlertKind.values()).filter(a -> a.name().equals(k)).findFirst();
            if (kind.isEmpty()) {
                err.printf("--kinds: unknown alert kind '%s' (one of %s, or all)%n", typed.trim(),
                        Arrays.stream(AlertKind.values()).map(a -> a.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", ")));
                return Optional.empty();
            }
            kinds.add(kind.get());
        }
        return Optional.of(kinds);
    }
}
