package io.gridbot.runner.bybit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.Side;
import io.gridbot.core.status.GridStatus;
import io.gridbot.exchange.bybit.BybitVenueProvider;
import io.gridbot.exchange.bybit.fake.FakeBybit;
import io.gridbot.exchange.bybit.fake.FakeInstrument;
import io.gridbot.exchange.venue.SymbolListing;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.persistence.Database;
import io.gridbot.runner.store.ControlRequests;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.FakeVenueDaemon;
import io.gridbot.runner.testing.MarketFeed;
import io.gridbot.runner.testing.ServerDatabase;
import io.gridbot.runner.testing.VenueBook;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, end to end: a long grid with {@code exchange: bybit} on the fake Bybit (its REST and WebSocket wire
 * format, category linear, quantities in ETH), hosted by real daemon processes on MariaDB. Its entries rest, a trade
 * fills one, the exit and the protective stop (a close-on-trigger conditional order) follow; the daemon is killed
 * with SIGKILL and another takes the grid over, adopting every order and the position without sending one create;
 * that one is killed too and the exit fills while no daemon runs, so the third books it from Bybit's execution list;
 * then a price beyond the band and its buffer stops the grid out flat.
 */
class BybitEndToEndTest {

    private static final String ETH = "ETHUSDT";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Set<String> CREATES = Set.of("POST /v5/order/create", "POST /v5/order/create-batch");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // the daemons' logs stay when it fails
    Path dir;

    private ServerDatabase server;
    private Database db;
    private FakeBybit fake;
    private MarketFeed market;
    private long gridId;
    private final List<Daemon> daemons = new ArrayList<>();

    /** One daemon process and its log. */
    private record Daemon(Process process, Path log) {
        boolean said(String text) {
            try {
                return Files.exists(log) && Files.readString(log).contains(text);
            } catch (java.io.IOException e) {
                return false;
            }
        }
    }

    @BeforeEach
    void open() throws Exception {
        server = ServerDatabase.create();
        db = Database.open(server.settings());
        fake = FakeBybit.start(FakeInstrument.ETHUSDT, new BigDecimal("1650.00"));
        // the rules as validation reads them: the contract's public listing
        var rules = ((SymbolListing.Listed) new BybitVenueProvider().listing(VenueSettings.of(FakeVenueDaemon.bybit(fake)),
                ETH)).rules();
        gridId = db.configs().create(GridConfig.builder("bybit-long", rules).exchange("bybit").mode(GridMode.LONG)
                .band(new BigDecimal("1600"), new BigDecimal("1700")).levels(11)
                .orderQty(new BigDecimal("0.3")).maxPosition(new BigDecimal("1.5"))
                .stopLossBufferPct(new BigDecimal("5")).build(), 0);
        market = new MarketFeed(p -> fake.trade(ETH, p, null)).at("1650.00");
    }

    @AfterEach
    void close() throws Exception {
        for (Daemon d : daemons) {
            d.process().destroyForcibly().waitFor();
        }
        if (market != null) {
            market.close();
            fake.close();
            db.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Daemon daemon(String name) throws Exception {
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = FakeVenueDaemon.builder(dir.resolve(name), log, server.settings().jdbcUrl(),
                server.settings().user(), server.settings().password(), FakeVenueDaemon.bybit(fake));
        Daemon daemon = new Daemon(builder.start(), log);
        daemons.add(daemon);
        await(name + " up", () -> daemon.said("gridbot daemon"));
        return daemon;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Eventually.await(what, WAIT, condition);
    }

    /** The venue's truth: Bybit keeps the grid's own client ids as they are. */
    private VenueBook book() {
        return new VenueBook(fake.venue(), ETH);
    }

    private List<OpenOrder> venueOrders() {
        return book().openOrders();
    }

    private List<Fill> fills() {
        return db.fills().between(gridId, 0, Long.MAX_VALUE);
    }

    private BigDecimal booked() {
        return fills().stream().map(f -> f.side() == Side.BUY ? f.qty() : f.qty().negate())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private long createsSent() {
        return fake.requestsSeen().stream().filter(r -> CREATES.contains(r.split("\\?")[0])).count();
    }

    private boolean resting(Side side, boolean reduceOnly, String price) {
        return venueOrders().stream().anyMatch(o -> o.type() == OrderType.LIMIT && o.side() == side
                && o.reduceOnly() == reduceOnly && o.price().compareTo(new BigDecimal(price)) == 0);
    }

    @Test
    void aGridOnBybitRestsFillsExitsSurvivesAKilledDaemonWithoutDuplicatesAndStopsOutFlat() throws Exception {
        Daemon first = daemon("a");
        var reply = ControlRequests.send(db, gridId, Control.START, "test", 30_000, 60_000, System::currentTimeMillis);
        assertThat(reply).isInstanceOfSatisfying(ControlRequests.Acknowledged.class,
                ack -> assertThat(ack.refused()).as(ack.outcome()).isFalse());
        await("buy entries resting below the price", () -> resting(Side.BUY, false, "1640.00")
                && resting(Side.BUY, false, "1630.00"));
        assertThat(db.runtime().status(gridId)).isEqualTo(GridStatus.RUNNING);

        market.at("1635.00"); // the buy at 1,640 fills: 0.3 ETH
        await("long 0.3 ETH on the venue", () -> book().position().compareTo(new BigDecimal("0.3")) == 0);
        await("the fill booked", () -> booked().compareTo(new BigDecimal("0.3")) == 0);
        await("its reduce-only exit resting a line above", () -> resting(Side.SELL, true, "1650.00"));
        await("a protective stop resting as a conditional order", () -> venueOrders().stream()
                .anyMatch(o -> o.type() == OrderType.STOP_MARKET && o.side() == Side.SELL));
        assertThat(fake.bodiesSeen()).anyMatch(b -> b.contains("\"triggerPrice\"") && b.contains("\"closeOnTrigger\":true"));

        // kill -9: the lease is left behind; the other daemon takes the grid over once it runs out.
        Set<String> restingBefore = venueOrders().stream().map(OpenOrder::clientOrderId).collect(Collectors.toSet());
        first.process().destroyForcibly().waitFor();
        long createsBefore = createsSent();
        Daemon second = daemon("b");
        await("b hosts the grid", () -> db.runtime().lease(gridId).map(l -> l.owner() != null
                && l.owner().endsWith("/" + second.process().pid())).orElse(false)
                && db.runtime().status(gridId) == GridStatus.RUNNING);
        assertThat(venueOrders().stream().map(OpenOrder::clientOrderId).collect(Collectors.toSet()))
                .as("every order adopted, none placed again").isEqualTo(restingBefore);
        assertThat(createsSent()).as("b sent no create").isEqualTo(createsBefore);
        assertThat(book().duplicateIdentity()).isEmpty();
        assertThat(book().position()).isEqualByComparingTo("0.3");

        // kill -9 again, and the exit fills while no daemon watches: the next one books it from Bybit's executions.
        second.process().destroyForcibly().waitFor();
        market.at("1655.00");
        await("the exit filled on the venue", () -> book().position().signum() == 0);
        Daemon third = daemon("c");
        await("c hosts the grid", () -> db.runtime().lease(gridId).map(l -> l.owner() != null
                && l.owner().endsWith("/" + third.process().pid())).orElse(false)
                && db.runtime().status(gridId) == GridStatus.RUNNING);
        await("the exit booked once, flat", () -> booked().signum() == 0
                && fills().stream().filter(f -> f.kind() == ClientOrderId.Kind.EXIT).count() == 1);
        // entries again below the price, up to the position limit: the grid re-derives them from the price it
        // starts at, so the nearest line (1,650) is among them, and none is reduce-only while flat
        await("five buy entries resting below the price", () -> venueOrders().stream().filter(o -> o.type() == OrderType.LIMIT
                && o.side() == Side.BUY && !o.reduceOnly() && o.price().compareTo(new BigDecimal("1655.00")) < 0).count() == 5);
        assertThat(venueOrders()).noneMatch(OpenOrder::reduceOnly);
        assertThat(book().duplicateIdentity()).isEmpty();
        await("no protective stop while flat", () -> venueOrders().stream().noneMatch(o -> o.type() == OrderType.STOP_MARKET));

        market.at("1625.00"); // the entries at 1,650 and 1,630 fill: a position for the stop-loss to close
        await("long 0.6 ETH", () -> book().position().compareTo(new BigDecimal("0.6")) == 0);
        market.at(null);
        fake.trade(ETH, new BigDecimal("1500.00"), new BigDecimal("0.1")); // below 1,600 less 5 %: stop-loss

        await("flat with nothing resting", () -> book().position().signum() == 0 && venueOrders().isEmpty());
        await("stopped after its stop-loss", () -> db.runtime().status(gridId) == GridStatus.STOPPED);
        await("its fills say flat", () -> booked().signum() == 0);
        assertThat(db.reports().stopLosses(gridId, "bybit-long")).hasSize(1);
        assertThat(book().duplicateIdentity()).isEmpty();
        assertThat(fake.badSignatures()).isZero();
        assertThat(fake.failedAuths()).isZero();
    }
}
