package io.gridbot.runner.cli;

import io.gridbot.core.config.PositionMode;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.BinanceAccountMode;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.secret.Credentials;
import io.gridbot.runner.store.StoreOptions;
import io.gridbot.runner.venue.BinanceEnvironment;
import io.gridbot.runner.venue.PositionModeSwitch;
import io.gridbot.runner.venue.PositionModeSwitch.Outcome;
import io.gridbot.runner.venue.StoredCredentials;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code grid account position-mode [--exchange binance] [--account NAME] [--set HEDGE|ONE_WAY]}: prints the
 * venue account's position mode, or switches it under {@link PositionModeSwitch}'s rule. The account is the one
 * the daemon trades, configured the same way ({@link BinanceEnvironment}); {@code --account} names another stored
 * one. It talks to the venue over signed REST alone, so a daemon trading the same account keeps its streams.
 */
@Command(name = "position-mode", mixinStandardHelpOptions = true,
        description = {"Print the account's position mode (ONE_WAY or HEDGE), or switch it with --set.",
            "A switch is refused while a grid of this database is live on the venue, and by the venue while the "
                    + "account holds any position or open order."})
public final class PositionModeCommand implements Callable<Integer> {

    @Option(names = "--exchange", paramLabel = "VENUE", defaultValue = "binance",
            description = "the venue (default ${DEFAULT-VALUE})")
    String exchange;

    @Option(names = "--account", paramLabel = "NAME", description = "the stored account's label (default: "
            + "$GRIDBOT_BINANCE_ACCOUNT or default); not with a key in GRIDBOT_BINANCE_API_KEY")
    String account;

    @Option(names = "--set", paramLabel = "MODE", description = "switch the account to this mode: ${COMPLETION-CANDIDATES}")
    PositionMode wanted;

    @Mixin
    StoreOptions store;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;

    /** The command as {@code grid} runs it, in this process's environment. */
    public PositionModeCommand() {
        this(System.getenv());
    }

    /** The command in the environment given (a test's terminal). */
    public PositionModeCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!exchange.equals("binance")) {
            err.println("--exchange: only a binance account's position mode can be read or switched, not '"
                    + exchange + "'");
            return 2;
        }
        if (account != null && BinanceEnvironment.hasKeys(environment)) {
            err.println("--account names a stored account, but " + BinanceEnvironment.API_KEY + " and "
                    + BinanceEnvironment.API_SECRET + " are set and would be used instead: unset them, or leave out "
                    + "--account");
            return 2;
        }
        Map<String, String> env = new HashMap<>(environment);
        if (account != null) {
            env.put(BinanceEnvironment.ACCOUNT, account);
        }
        String who = BinanceEnvironment.hasKeys(env) ? "the binance account of " + BinanceEnvironment.API_KEY
                : "binance account '" + BinanceEnvironment.account(env) + "'";
        try (Database db = store.openExisting().orElse(null)) {
            Function<String, Optional<Credentials>> stored = db == null ? label -> Optional.empty()
                    : StoredCredentials.of(db, "binance", env, store.dataDirectory());
            BinanceEnvironment.Either settings = BinanceEnvironment.settings(env, stored);
            if (settings.missing() != null) {
                err.println("binance is not configured: " + settings.missing());
                return 1;
            }
            try (BinanceAccountMode venue = BinanceAccountMode.open(settings.settings())) {
                return wanted == null ? read(venue, who)
                        : report(who, PositionModeSwitch.request(venue, wanted,
                                () -> db == null ? List.of() : PositionModeSwitch.liveGrids(db, "binance")));
            } catch (ExchangeException e) {
                err.println("could not read the position mode of " + who + " (" + settings.settings().restUrl() + "): "
                        + e.getMessage());
                return 1;
            } catch (IllegalArgumentException e) { // the one thing okhttp refuses before sending: the host
                err.println(BinanceEnvironment.REST_URL + " is not a URL: " + e.getMessage());
                return 1;
            }
        }
    }

    private int read(BinanceAccountMode venue, String who) throws ExchangeException {
        spec.commandLine().getOut().println(who + " is in " + venue.positionMode() + " position mode");
        return 0;
    }

    private int report(String who, Outcome outcome) {
        PrintWriter out = spec.commandLine().getOut();
        return switch (outcome) {
            case Outcome.Already a -> {
                out.println(who + " is in " + a.mode() + " position mode already; nothing was sent");
                yield 0;
            }
            case Outcome.Switched s -> {
                out.println(who + " switched from " + s.from() + " to " + s.to() + " position mode");
                yield 0;
            }
            case Outcome.Refused r -> {
                spec.commandLine().getErr().println(r.reason());
                yield 1;
            }
        };
    }
}
