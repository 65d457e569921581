package io.gridbot.runner.cli;

import io.gridbot.core.config.PositionMode;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.BinanceAccountMode;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.exchange.venue.VenueCatalog;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.secret.Credentials;
import io.gridbot.runner.daemon.DaemonIdentity;
import io.gridbot.runner.store.StoreOptions;
import io.gridbot.runner.venue.BinanceEnvironment;
import io.gridbot.runner.venue.PositionModeSwitch;
import io.gridbot.runner.venue.PositionModeSwitch.Account;
import io.gridbot.runner.venue.PositionModeSwitch.Outcome;
import io.gridbot.runner.venue.SimulatedVenue;
import io.gridbot.runner.venue.SimulatedVenueFile;
import io.gridbot.runner.venue.StoredCredentials;
import io.gridbot.runner.venue.VenuePath;
import io.gridbot.runner.venue.VenueUnavailableException;
import io.gridbot.runner.venue.Venues;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code grid account position-mode [--exchange VENUE] [--account NAME] [--set HEDGE|ONE_WAY]}: prints the venue
 * account's position mode, or switches it under {@link PositionModeSwitch}'s rule. Any venue found at run time is
 * opened by its provider, as the daemon opens it (without streams until a grid watches them). A binance account is
 * the one the daemon trades, configured the same way ({@link BinanceEnvironment}); {@code --account} names another
 * stored one. It talks to the venue over signed REST alone, so a daemon trading the same account keeps its
 * streams. The simulated account is the data directory's ({@link SimulatedVenueFile}): read from its state file
 * at any time, switched only while no daemon holds it, and saved as the daemon saves it, for the daemon to find at
 * its next start.
 */
@Command(name = "position-mode", mixinStandardHelpOptions = true,
        description = {"Print the account's position mode (ONE_WAY or HEDGE), or switch it with --set.",
            "A switch is refused while a grid of this database is live on the venue, and by the venue while the "
                    + "account holds any position or open order; the simulated account's while a daemon runs on "
                    + "its data directory."})
public final class PositionModeCommand implements Callable<Integer> {

    @Option(names = "--exchange", paramLabel = "VENUE", defaultValue = "binance",
            description = "the venue: binance, okx, bybit or any venue found (grid venues), or simulated (the data "
                    + "directory's) (default ${DEFAULT-VALUE})")
    String exchange;

    @Option(names = "--account", paramLabel = "NAME", description = "the stored account's label (default: "
            + "$GRIDBOT_BINANCE_ACCOUNT or default); not with a key in GRIDBOT_BINANCE_API_KEY")
    String account;

    @Option(names = "--symbol", paramLabel = "SYMBOL", description = "the symbol whose mode is read and switched, "
            + "on a venue that keeps the mode per symbol (bybit); other venues keep one mode for the account")
    String symbol;

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
        return switch (exchange) {
            case "binance" -> binance(err);
            case SimulatedVenue.CODE -> simulated(err);
            default -> found(err);
        };
    }

    /**
     * Any other venue found at run time (OKX, Bybit, a third party's), opened by its provider as the daemon opens it:
     * its settings and keys from the environment, or from its account in the credential store.
     */
    private int found(PrintWriter err) {
        VenueCatalog catalog = VenuePath.catalog(environment);
        if (!catalog.codes().contains(exchange)) {
            err.println("--exchange: unknown venue '" + exchange + "' (venues found: " + String.join(", ", catalog.codes())
                    + ")");
            return 2;
        }
        if (account != null) {
            err.println("--account names a stored binance account; " + exchange + "'s account is chosen by its own "
                    + "settings (grid venues lists them)");
            return 2;
        }
        String who = "the " + exchange + " account" + (symbol == null ? "" : " (" + symbol + ")");
        try (Database db = store.openExisting().orElse(null);
                Venues venues = Venues.configured().withFound(catalog, new VenueSettings(environment, db == null
                        ? VenueSettings.AccountStore.NONE : StoredCredentials.accounts(db, environment, store.dataDirectory())))) {
            ExchangeAdapter adapter = venues.adapter(exchange);
            if (symbol != null) {
                adapter.symbolRules(symbol); // the symbol in use: a venue keeping the mode per symbol reads it there
            }
            Account venue = Account.of(adapter, Optional.empty());
            return wanted == null ? read(venue.positionMode(), who)
                    : report(who, PositionModeSwitch.request(venue, wanted, liveGrids(db, exchange)));
        } catch (VenueUnavailableException e) {
            err.println(e.getMessage());
            return 1;
        } catch (ExchangeException | RuntimeException e) { // a third party's adapter may fail unchecked
            err.println("could not read the position mode of " + who + ": " + e.getMessage());
            return 1;
        }
    }

    private int binance(PrintWriter err) {
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
                return wanted == null ? read(venue.positionMode(), who)
                        : report(who, PositionModeSwitch.request(Account.of(venue), wanted, liveGrids(db, "binance")));
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

    /**
     * The data directory's simulated account. A read needs no claim: the state file is replaced whole, never
     * written in place. A switch claims the venue before it reads the state, so no daemon can start on the old
     * state meanwhile; when a daemon holds it, the switch is refused, and only a look is taken.
     */
    private int simulated(PrintWriter err) {
        if (account != null) {
            err.println("--account names a stored binance account; the simulated venue has one account, the data "
                    + "directory's: choose it with --data-dir");
            return 2;
        }
        Path dir = store.dataDirectory();
        String who = "the simulated account of data directory " + dir;
        try {
            if (wanted == null) {
                return read(SimulatedVenueFile.look(dir).positionMode(), who);
            }
            try (SimulatedVenueFile venue = SimulatedVenueFile.claim(dir, "grid account position-mode "
                    + DaemonIdentity.current()); Database db = store.openExisting().orElse(null)) {
                SimulatedExchange exchange = venue.heldElsewhere().isPresent() ? SimulatedVenueFile.look(dir)
                        : venue.open(new SimClock(System.currentTimeMillis()), SimSettings.defaults());
                return report(who, PositionModeSwitch.request(Account.of(exchange, venue.heldElsewhere()), wanted,
                        liveGrids(db, SimulatedVenue.CODE)));
            }
        } catch (IOException | ExchangeException | IllegalArgumentException | IndexOutOfBoundsException e) {
            // an unreadable line of the state file is an IllegalArgumentException or a missing field
            err.println("could not read the simulated venue's state in " + dir.resolve(SimulatedVenueFile.STATE) + ": "
                    + e.getMessage());
            return 1;
        }
    }

    private static Supplier<List<String>> liveGrids(Database db, String venue) {
        return () -> db == null ? List.of() : PositionModeSwitch.liveGrids(db, venue);
    }

    private int read(PositionMode mode, String who) {
        spec.commandLine().getOut().println(who + " is in " + mode + " position mode");
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
