package io.gridbot.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.Side;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.DatabaseSettings;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.MarketFeed;
import io.gridbot.runner.testing.Terminal;
import io.gridbot.runner.testing.TestDaemons;
import io.gridbot.runner.testing.VenueBook;
import io.gridbot.runner.venue.Venues;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 5's end-to-end runs, one per mode, on a daemon over the simulated exchange and the embedded database,
 * controlled through the CLI as from another terminal: start places the entries (FR-3, FR-4), a fill brings
 * its reduce-only exit one line away (FR-7), the exit's fill brings the entry back, pause keeps every order
 * and resume continues without re-initialising (AC13.4–13.6), stop flattens (AC13.8), and a break of the band
 * trips the stop-loss and ends flat (FR-8, edge case 2).
 *
 * <p>The band is 25,000 to 27,000 in 21 lines, 100 apart; the market opens at 26,050; the stop-loss lines are
 * 24,750 and 27,270.
 */
class GridModeEndToEndTest {

    private static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);
    private static final BigDecimal SPACING = new BigDecimal("100");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Database db;
    private SimulatedExchange exchange;
    private GridDaemon daemon;
    private long configId;
    private Terminal terminal;
    private VenueBook book;

    private void startDaemon(GridMode mode) {
        db = Database.open(DatabaseSettings.embedded(dir));
        configId = db.configs().create(GridConfig.builder("e2e", BTC).mode(mode)
                .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21).orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.050")).stopLossBufferPct(new BigDecimal("1")).cooldownMs(0).build(), 0);
        exchange = new SimulatedExchange(new SimClock(System.currentTimeMillis()), SimSettings.defaults())
                .list(BTC, new BigDecimal("26050.0"));
        daemon = new GridDaemon(db, Venues.only(exchange), System::currentTimeMillis, "e2e-daemon", 60_000,
                TestDaemons.QUICK_POLL).start();
        terminal = new Terminal(dir);
        book = new VenueBook(exchange, "BTCUSDT");
    }

    @AfterEach
    void stopDaemon() {
        if (daemon != null) {
            daemon.close();
            db.close();
        }
    }

    @ParameterizedTest
    @EnumSource(GridMode.class)
    void entriesRestExitsFollowPauseKeepsOrdersAndTheStopLossEndsFlat(GridMode mode) throws Exception {
        startDaemon(mode);
        started(mode);
        Side entrySide = mode == GridMode.SHORT ? Side.SELL : Side.BUY;
        assertThat(limits()).as("only entries, none reduce-only, on the passive side of 26,050")
                .allMatch(o -> !o.reduceOnly())
                .allMatch(o -> o.side() == Side.BUY ? o.price().compareTo(new BigDecimal("26050")) < 0
                        : o.price().compareTo(new BigDecimal("26050")) > 0);
        assertThat(limits()).extracting(OpenOrder::side).contains(entrySide);
        if (mode == GridMode.NEUTRAL) {
            await("sell entries above the price too", () -> limits().stream().anyMatch(o -> o.side() == Side.SELL));
        }

        // The nearest entry fills; its exit rests one line away, reduce-only.
        BigDecimal entry = entrySide == Side.SELL ? new BigDecimal("26100.0") : new BigDecimal("26000.0");
        BigDecimal exit = entrySide == Side.SELL ? entry.subtract(SPACING) : entry.add(SPACING);
        trade(entrySide == Side.SELL ? "26120.0" : "25980.0");
        await("the exit at " + exit, () -> limits().stream().anyMatch(o -> o.reduceOnly()
                && o.side() != entrySide && o.price().compareTo(exit) == 0
                && o.origQty().compareTo(new BigDecimal("0.010")) == 0));
        await("the entry's fill in the ledger", () -> db.fills().between(configId, 0, Long.MAX_VALUE).size() == 1);

        // The exit fills: flat again, and the level's entry returns.
        trade(entrySide == Side.SELL ? exit.subtract(BigDecimal.TEN).toPlainString() : exit.add(BigDecimal.TEN).toPlainString());
        await("flat with the entry back at " + entry, () -> position().signum() == 0 && limits().stream()
                .anyMatch(o -> !o.reduceOnly() && o.side() == entrySide && o.price().compareTo(entry) == 0));
        await("both fills in the ledger", () -> db.fills().between(configId, 0, Long.MAX_VALUE).size() == 2);

        // Pause keeps every order; resume continues from them, nothing cancelled or re-created.
        Set<String> before = Eventually.awaitValue("the book settled", WAIT, this::settledIds);
        assertThat(grid("pause", "--config", "e2e")).isZero();
        await("paused", () -> db.runtime().status(configId) == GridStatus.PAUSED);
        assertThat(ids()).isEqualTo(before);
        assertThat(grid("resume", "--config", "e2e")).isZero();
        await("running again", () -> db.runtime().status(configId) == GridStatus.RUNNING);
        driverRounds(3); // nothing should change over them
        assertThat(ids()).isEqualTo(before);

        // The band breaks on the side the grid holds: every entry that side fills, then the stop-loss closes it all.
        trade(entrySide == Side.SELL ? "27300.0" : "24700.0");
        await("stopped flat after the stop-loss", () -> db.runtime().status(configId) == GridStatus.STOPPED
                && position().signum() == 0 && ordersOnVenue() == 0);
        await("the stop-loss report", () -> !db.reports().stopLosses(configId, "e2e").isEmpty());
        assertThat(grid("status", "--config", "e2e")).isZero();
        assertThat(terminal.output()).contains("state STOPPED");
    }

    @ParameterizedTest
    @EnumSource(GridMode.class)
    void stopCancelsEveryOrderAndClosesThePosition(GridMode mode) throws Exception {
        startDaemon(mode);
        started(mode);
        trade(mode == GridMode.SHORT ? "26320.0" : "25780.0"); // three entries fill
        await("a position of 0.030", () -> position().abs().compareTo(new BigDecimal("0.030")) == 0);
        assertThat(grid("stop", "--config", "e2e")).isZero();
        assertThat(terminal.output()).contains("stop accepted by e2e-daemon");
        await("stopped flat", () -> db.runtime().status(configId) == GridStatus.STOPPED
                && position().signum() == 0 && ordersOnVenue() == 0);
    }

    /** Started, with the three entries nearest the price resting on the side the tests trade into. */
    private void started(GridMode mode) throws InterruptedException {
        assertThat(startTradingAt("26050.0")).isZero();
        assertThat(terminal.output()).contains("start accepted by e2e-daemon");
        trade("26050.0");
        List<String> nearest = mode == GridMode.SHORT ? List.of("26100.0", "26200.0", "26300.0")
                : List.of("26000.0", "25900.0", "25800.0");
        await("running with the nearest entries resting", () -> db.runtime().status(configId) == GridStatus.RUNNING
                && nearest.stream().allMatch(p -> limits().stream().anyMatch(o -> !o.reduceOnly()
                        && o.price().compareTo(new BigDecimal(p)) == 0)));
    }

    private int grid(String... args) {
        return terminal.run(args);
    }

    /** A start, while the market trades at {@code price}: a start waits for its grid to run, which needs prices. */
    private int startTradingAt(String price) {
        return MarketFeed.tradingAt(price, p -> exchange.trade("BTCUSDT", p, null, System.currentTimeMillis()),
                () -> grid("start", "--config", "e2e"));
    }

    private void trade(String price) {
        exchange.trade("BTCUSDT", new BigDecimal(price), null, System.currentTimeMillis());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Eventually.await(what, WAIT, condition);
    }

    /** Waits until the daemon's drivers have run {@code n} more rounds to their end. */
    private void driverRounds(int n) throws InterruptedException {
        long from = daemon.driverRounds();
        await(n + " driver rounds", () -> daemon.driverRounds() >= from + n);
    }

    /** The resting orders' ids once they have stayed the same over three driver rounds. */
    private Set<String> settledIds() {
        Set<String> first = ids();
        try {
            driverRounds(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return first.equals(ids()) ? first : null;
    }

    private Set<String> ids() {
        return venueOrders().stream().map(OpenOrder::clientOrderId).collect(Collectors.toSet());
    }

    private List<OpenOrder> limits() {
        return venueOrders().stream().filter(o -> o.type() == OrderType.LIMIT).toList();
    }

    private int ordersOnVenue() {
        return venueOrders().size();
    }

    private List<OpenOrder> venueOrders() {
        return book.openOrders();
    }

    private BigDecimal position() {
        return book.position();
    }
}
