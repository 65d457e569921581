package io.gridbot.runner.cli;

import io.gridbot.persistence.Database;
import io.gridbot.persistence.token.ApiTokenRepository;
import io.gridbot.persistence.token.TokenScope;
import io.gridbot.runner.api.TokenMint;
import io.gridbot.runner.store.OpenMode;
import io.gridbot.runner.store.StoreOptions;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code grid token create | list | revoke}: the API's bearer tokens. A new token is printed once, alone on
 * stdout (so {@code TOKEN=$(grid token create ci --scope read)} captures it), and only its hash is stored;
 * {@code list} never shows a token or a hash.
 */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage the HTTP API's tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public final class TokenCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code grid token create NAME --scope read|control}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an API token and print it, once: read scope may only read, control scope may "
                    + "also change grids and control them.")
    public static final class Create implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NAME", description = "the token's name, for you and the logs")
        String name;

        @Option(names = "--scope", required = true, paramLabel = "read|control",
                description = "read: GET requests only; control: everything")
        String scope;

        @Mixin
        StoreOptions store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!ApiTokenRepository.validName(name)) {
                err.println("a token name is " + ApiTokenRepository.NAME_RULE + ", not '" + name + "'");
                return 2;
            }
            TokenScope parsed;
            try {
                parsed = TokenScope.valueOf(scope.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                err.println("--scope must be read or control, not '" + scope + "'");
                return 2;
            }
            String token = TokenMint.mint();
            try (Database db = store.open(OpenMode.CREATE)) {
                var stored = db.apiTokens().create(name, parsed, TokenMint.hash(token), System.currentTimeMillis());
                spec.commandLine().getOut().println(token);
                spec.commandLine().getOut().flush();
                err.printf("created API token '%s' with the %s scope. It will not be shown again: keep it now "
                        + "(only its hash is stored; a lost token is revoked and replaced).%n", stored.name(),
                        parsed.name().toLowerCase(Locale.ROOT));
                return 0;
            } catch (ApiTokenRepository.DuplicateNameException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }

    /** {@code grid token list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the API tokens: name, scope, created, last used (never the token).")
    public static final class ListTokens implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = store.open(OpenMode.EXISTING)) {
                var tokens = db.apiTokens().list();
                if (tokens.isEmpty()) {
                    out.println("no API token; create one with 'grid token create NAME --scope read|control'");
                    return 0;
                }
                out.printf("%-24s %-8s %-21s %-21s %s%n", "NAME", "SCOPE", "CREATED", "LAST USED", "STATE");
                for (var t : tokens) {
                    out.printf("%-24s %-8s %-21s %-21s %s%n", t.name(), t.scope().name().toLowerCase(Locale.ROOT),
                            time(t.createdAt()), t.lastUsedAt() == null ? "never" : time(t.lastUsedAt()),
                            t.revoked() ? "revoked " + time(t.revokedAt()) : "valid");
                }
                return 0;
            }
        }

        private static String time(long ms) {
            return Instant.ofEpochMilli(ms).truncatedTo(ChronoUnit.SECONDS).toString();
        }
    }

    /** {@code grid token revoke NAME}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke an API token: requests that present it are refused from now on.")
    public static final class Revoke implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "the token's name")
        String name;

        @Mixin
        StoreOptions store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = store.open(OpenMode.EXISTING)) {
                if (!db.apiTokens().revoke(name, System.currentTimeMillis())) {
                    boolean revoked = db.apiTokens().find(name).map(ApiTokenRepository.ApiToken::revoked).orElse(false);
                    spec.commandLine().getErr().println(revoked ? "the API token '" + ApiTokenRepository.name(name)
                            + "' is revoked already" : "no API token named '" + name + "'; 'grid token list' shows them");
                    return 1;
                }
                spec.commandLine().getOut().println("revoked API token '" + ApiTokenRepository.name(name)
                        + "': requests that present it are refused from now on");
                return 0;
            }
        }
    }
}
