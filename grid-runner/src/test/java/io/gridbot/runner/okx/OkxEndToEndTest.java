package io.gridbot.runner.okx;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.risk.PositionLegs;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.stoploss.StopLossReport;
import io.gridbot.exchange.okx.OkxVenueProvider;
import io.gridbot.exchange.okx.fake.FakeInstrument;
import io.gridbot.exchange.okx.fake.FakeOkx;
import io.gridbot.exchange.venue.ClientIdCodec;
import io.gridbot.exchange.venue.EncodedClientIds;
import io.gridbot.exchange.venue.SymbolListing;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.persistence.Database;
import io.gridbot.runner.store.ControlRequests;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.FakeVenueDaemon;
import io.gridbot.runner.testing.MarketFeed;
import io.gridbot.runner.testing.ServerDatabase;
import io.gridbot.runner.testing.VenueBook;
import io.gridbot.runner.testing.VenueTruth;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, end to end: grids with {@code exchange: okx} on the fake OKX (its REST and WebSocket wire format, sizes
 * in contracts of 0.1 ETH), hosted by real daemon processes on MariaDB, killed with SIGKILL and taken over by the
 * next daemon. In net mode a long grid rests, fills, exits and keeps its protective stop (an OKX algo order); the
 * next daemon adopts every order and the position without sending one create; an exit filled while no daemon runs
 * is booked once from OKX's fills history; a price beyond the band and its buffer stops the grid out flat. In
 * long/short mode (issue 16's rules: {@code posSide} on every order, no {@code reduceOnly}) a neutral grid holds
 * both legs with a stop each, survives a takeover, and its stop-loss closes both legs.
 */
class OkxEndToEndTest {

    private static final String ETH = "ETH-USDT-SWAP";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Set<String> CREATES = Set.of("POST /api/v5/trade/order", "POST /api/v5/trade/batch-orders",
            "POST /api/v5/trade/order-algo");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // the daemons' logs stay when it fails
    Path dir;

    private ServerDatabase server;
    private Database db;
    private FakeOkx fake;
    private MarketFeed market;
    private long gridId;
    private final List<FakeVenueDaemon.Running> daemons = new ArrayList<>();

    @BeforeEach
    void openTheDatabase() throws Exception {
        server = ServerDatabase.create();
        db = Database.open(server.settings());
    }

    /** The fake OKX at an opening price, and a grid on its ETH swap with the rules validation reads there. */
    private void open(String price, boolean longShort, String name, UnaryOperator<GridConfig.Builder> grid) {
        fake = FakeOkx.start(FakeInstrument.ETH_USDT_SWAP, new BigDecimal(price));
        if (longShort) {
            fake.longShortMode(true);
        }
        var rules = ((SymbolListing.Listed) new OkxVenueProvider().listing(VenueSettings.of(FakeVenueDaemon.okx(fake)),
                ETH)).rules();
        gridId = db.configs().create(grid.apply(GridConfig.builder(name, rules).exchange("okx")
                .band(new BigDecimal("1600"), new BigDecimal("1700")).levels(11)
                .orderQty(new BigDecimal("0.3")).maxPosition(new BigDecimal("1.5"))
                .stopLossBufferPct(new BigDecimal("5"))).build(), 0);
        market = new MarketFeed(p -> fake.trade(ETH, p, null)).at(price);
    }

    @AfterEach
    void close() throws Exception {
        for (FakeVenueDaemon.Running d : daemons) {
            d.kill();
        }
        if (market != null) {
            market.close();
            fake.close();
        }
        if (db != null) {
            db.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private FakeVenueDaemon.Running daemon(String name) throws Exception {
        FakeVenueDaemon.Running daemon = FakeVenueDaemon.start(FakeVenueDaemon.builder(dir.resolve(name),
                dir.resolve(name + ".log"), server.settings().jdbcUrl(), server.settings().user(),
                server.settings().password(), FakeVenueDaemon.okx(fake)), WAIT);
        daemons.add(daemon);
        return daemon;
    }

    private void start() throws Exception {
        var reply = ControlRequests.send(db, gridId, Control.START, "test", 30_000, 60_000, System::currentTimeMillis);
        assertThat(reply).isInstanceOfSatisfying(ControlRequests.Acknowledged.class,
                ack -> assertThat(ack.refused()).as(ack.outcome()).isFalse());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Eventually.await(what, WAIT, condition);
    }

    /** The venue's truth, its client ids read back through OKX's codec, as the grid's own ids. */
    private VenueBook book() {
        return new VenueBook(new EncodedClientIds(fake.venue(), ClientIdCodec.LETTERS_AND_DIGITS), ETH);
    }

    private List<OpenOrder> venueOrders() {
        return book().openOrders();
    }

    private List<OpenOrder> stops() {
        return venueOrders().stream().filter(o -> o.type() == OrderType.STOP_MARKET).toList();
    }

    private Set<String> restingIds() {
        return venueOrders().stream().map(OpenOrder::clientOrderId).collect(Collectors.toSet());
    }

    private List<Fill> fills() {
        return db.fills().between(gridId, 0, Long.MAX_VALUE);
    }

    /** The net position the grid's fills add up to (net mode). */
    private BigDecimal bookedNet() {
        return VenueTruth.position(fills());
    }

    /** The legs the grid's fills add up to (long/short mode). */
    private PositionLegs bookedLegs() {
        return VenueTruth.legs(fills());
    }

    private long createsSent() {
        return fake.requestsSeen().stream().filter(r -> CREATES.contains(r.split("\\?")[0])).count();
    }

    private boolean resting(Side side, boolean reduceOnly, String price) {
        return venueOrders().stream().anyMatch(o -> o.type() == OrderType.LIMIT && o.side() == side
                && o.reduceOnly() == reduceOnly && o.price().compareTo(new BigDecimal(price)) == 0);
    }

    @Test
    void aGridOnOkxRestsFillsExitsSurvivesAKilledDaemonWithoutDuplicatesAndStopsOutFlat() throws Exception {
        open("1650.00", false, "okx-long", g -> g.mode(GridMode.LONG));
        FakeVenueDaemon.Running first = daemon("a");
        start();
        await("buy entries resting below the price", () -> resting(Side.BUY, false, "1640.00")
                && resting(Side.BUY, false, "1630.00"));
        assertThat(db.runtime().status(gridId)).isEqualTo(GridStatus.RUNNING);

        market.at("1635.00"); // the buy at 1,640 fills: 0.3 ETH, three contracts
        await("long 0.3 ETH on the venue", () -> book().position().compareTo(new BigDecimal("0.3")) == 0);
        await("the fill booked", () -> bookedNet().compareTo(new BigDecimal("0.3")) == 0);
        await("its reduce-only exit resting a line above", () -> resting(Side.SELL, true, "1650.00"));
        await("a protective stop resting on the algo endpoint", () -> venueOrders().stream()
                .anyMatch(o -> o.type() == OrderType.STOP_MARKET && o.side() == Side.SELL));
        assertThat(fake.requestsSeen()).anyMatch(r -> r.startsWith("POST /api/v5/trade/order-algo"));

        // kill -9: the lease is left behind; the other daemon takes the grid over once it runs out.
        Set<String> restingBefore = restingIds();
        first.kill();
        long createsBefore = createsSent();
        FakeVenueDaemon.Running second = daemon("b");
        await("b hosts the grid", () -> second.hostsRunning(db, gridId));
        assertThat(restingIds()).as("every order adopted, none placed again").isEqualTo(restingBefore);
        assertThat(createsSent()).as("b sent no create").isEqualTo(createsBefore);
        assertThat(book().duplicateIdentity()).isEmpty();
        assertThat(book().position()).isEqualByComparingTo("0.3");

        // kill -9 again, and the exit fills while no daemon watches: the next one books it from OKX's fills history.
        second.kill();
        market.at("1655.00");
        await("the exit filled on the venue", () -> book().position().signum() == 0);
        FakeVenueDaemon.Running third = daemon("c");
        await("c hosts the grid", () -> third.hostsRunning(db, gridId));
        await("the exit booked once, flat", () -> bookedNet().signum() == 0
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
        await("its fills say flat", () -> bookedNet().signum() == 0);
        assertThat(db.reports().stopLosses(gridId, "okx-long")).hasSize(1);
        assertThat(book().duplicateIdentity()).isEmpty();
        assertThat(fake.badSignatures()).isZero();
        assertThat(fake.failedLogins()).isZero();
    }

    @Test
    void aNeutralGridInLongShortModeHoldsBothLegsSurvivesAKilledDaemonAndItsStopLossClosesBothLegs() throws Exception {
        open("1655.00", true, "okx-hedged", g -> g.mode(GridMode.NEUTRAL).positionMode(PositionMode.HEDGE));
        FakeVenueDaemon.Running first = daemon("a");
        start();
        await("entries resting on both legs", () -> venueOrders().stream().anyMatch(o -> o.side() == Side.BUY
                && o.positionSide() == PositionSide.LONG) && venueOrders().stream().anyMatch(o -> o.side() == Side.SELL
                && o.positionSide() == PositionSide.SHORT));
        assertThat(venueOrders()).as("no order is reduce-only in long/short mode").noneMatch(OpenOrder::reduceOnly)
                .allMatch(o -> o.positionSide() != PositionSide.BOTH);

        // Down through 1,650 and 1,640: two long entries fill, their exits (sells on the LONG leg) follow at 1,660
        // and 1,650.
        market.at("1635.00");
        await("long 0.6", () -> book().legs().longLeg().compareTo(new BigDecimal("0.6")) == 0);
        market.at(null);
        await("both exits resting", () -> venueOrders().stream().filter(o -> o.type() == OrderType.LIMIT
                && o.side() == Side.SELL && o.positionSide() == PositionSide.LONG).count() == 2);
        // One trade of two orders' size strictly through 1,660: in price then time priority it takes the long exit
        // at 1,650 and the short entry at 1,660, which rested before the long exit beside it.
        fake.trade(ETH, new BigDecimal("1660.01"), new BigDecimal("0.6"));
        market.at("1655.00");
        PositionLegs both = PositionLegs.hedge(new BigDecimal("0.3"), new BigDecimal("-0.3"));
        await("long and short at once", () -> book().legs().sameAs(both));
        await("the fills booked as the venue holds them", () -> bookedLegs().sameAs(both));
        await("each leg's protective stop resting", () -> stops().size() == 2);
        assertThat(stops()).anySatisfy(s -> {
            assertThat(s.side()).isEqualTo(Side.SELL);
            assertThat(s.positionSide()).isEqualTo(PositionSide.LONG);
        }).anySatisfy(s -> {
            assertThat(s.side()).isEqualTo(Side.BUY);
            assertThat(s.positionSide()).isEqualTo(PositionSide.SHORT);
        });
        await("a's orders settled", () -> venueOrders().stream().filter(o -> o.type() == OrderType.LIMIT).count() >= 4);

        Set<String> restingBefore = restingIds();
        first.kill();
        int acceptedBefore = fake.ordersAccepted().size();
        FakeVenueDaemon.Running second = daemon("b");
        await("b hosts the grid", () -> second.hostsRunning(db, gridId));
        assertThat(restingIds()).as("every order adopted, none placed again").isEqualTo(restingBefore);
        assertThat(fake.ordersAccepted()).as("b placed nothing").hasSize(acceptedBefore);
        assertThat(book().legs().sameAs(both)).as(book().legs().describe()).isTrue();
        assertThat(book().duplicateIdentity()).isEmpty();

        // Far below the band and its buffer, in one small trade: the long leg's stop fires on the venue, and the
        // grid's stop-loss closes the short leg.
        market.at(null);
        fake.trade(ETH, new BigDecimal("1500.00"), new BigDecimal("0.1"));
        await("flat on both legs, nothing resting", () -> book().legs().isFlat() && venueOrders().isEmpty());
        await("stopped after its stop-loss", () -> db.runtime().status(gridId) == GridStatus.STOPPED);
        await("its fills say flat", () -> bookedLegs().isFlat());
        assertThat(fills()).filteredOn(f -> f.kind() == ClientOrderId.Kind.CLOSE).allSatisfy(f ->
                assertThat(f.leg()).isIn(PositionSide.LONG, PositionSide.SHORT));
        List<StopLossReport> reports = db.reports().stopLosses(gridId, "okx-hedged");
        assertThat(reports).hasSize(1);
        PositionLegs atTrigger = reports.getFirst().legs();
        assertThat(atTrigger.longLeg().signum()).as(atTrigger.describe()).isPositive();
        assertThat(atTrigger.shortLeg().signum()).as(atTrigger.describe()).isNegative();
        assertThat(fake.requestsSeen()).as("never switched by gridbot")
                .noneMatch(r -> r.startsWith("POST /api/v5/account/set-position-mode"));
        assertThat(fake.badSignatures()).isZero();
    }
}
