package io.gridbot.runner.binance;

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
import io.gridbot.exchange.binance.fake.FakeBinance;
import io.gridbot.persistence.Database;
import io.gridbot.runner.store.ControlRequests;
import io.gridbot.runner.testing.Eventually;
import io.gridbot.runner.testing.FakeVenueDaemon;
import io.gridbot.runner.testing.MarketFeed;
import io.gridbot.runner.testing.OrderWire;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, end to end: a neutral grid on a hedge-mode Binance account (the fake Binance, its real wire format),
 * hosted by real daemon processes on MariaDB. It holds a long and a short leg at once, each with its own exits
 * and its own protective stop; the daemon is killed with SIGKILL and another takes the grid over, adopting every
 * order and both legs without placing one again; then the price breaks the band, the long leg's venue-side stop
 * fires and the stop-loss closes the short leg, and the report keeps both legs.
 */
class BinanceHedgeEndToEndTest {

    private static final String BTC = "BTCUSDT";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // the daemons' logs stay when it fails
    Path dir;

    private ServerDatabase server;
    private Database db;
    private FakeBinance fake;
    private MarketFeed market;
    private long gridId;
    private final List<Daemon> daemons = new ArrayList<>();

    /** One daemon process and the wire it sends its orders on. */
    private record Daemon(FakeVenueDaemon.Running running, OrderWire wire) {
        long creates() {
            return wire.sent().stream().filter(OrderWire.Sent::create).count();
        }
    }

    @BeforeEach
    void open() throws Exception {
        server = ServerDatabase.create();
        db = Database.open(server.settings());
        fake = FakeBinance.start(FakeBinance.BTCUSDT, new BigDecimal("26050.0")).hedgeMode(true);
        gridId = db.configs().create(GridConfig.builder("hedged", FakeBinance.BTCUSDT).exchange("binance")
                .mode(GridMode.NEUTRAL).positionMode(PositionMode.HEDGE)
                .band(new BigDecimal("25000"), new BigDecimal("27000")).levels(21)
                .orderQty(new BigDecimal("0.010")).maxPosition(new BigDecimal("0.050"))
                .stopLossBufferPct(new BigDecimal("5")).build(), 0);
        market = new MarketFeed(p -> fake.trade(BTC, p, null)).at("26050.0");
    }

    @AfterEach
    void close() throws Exception {
        for (Daemon d : daemons) {
            d.running().kill();
            d.wire().close();
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
        OrderWire wire = new OrderWire(fake.restUrl());
        ProcessBuilder builder = FakeVenueDaemon.builder(dir.resolve(name), dir.resolve(name + ".log"),
                server.settings().jdbcUrl(), server.settings().user(), server.settings().password(),
                FakeVenueDaemon.binance(fake, wire.url()));
        Daemon daemon = new Daemon(FakeVenueDaemon.start(builder, WAIT), wire);
        daemons.add(daemon);
        return daemon;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Eventually.await(what, WAIT, condition);
    }

    private List<OpenOrder> venueOrders() {
        return new VenueBook(fake.venue(), BTC).openOrders();
    }

    private PositionLegs legs() {
        return new VenueBook(fake.venue(), BTC).legs();
    }

    private List<Fill> fills() {
        return db.fills().between(gridId, 0, Long.MAX_VALUE);
    }

    private List<OpenOrder> stops() {
        return venueOrders().stream().filter(o -> o.type() == OrderType.STOP_MARKET).toList();
    }

    /** What the grid's fills hold, leg by leg, as the venue keeps them apart. */
    private PositionLegs booked() {
        return VenueTruth.legs(fills());
    }

    @Test
    void aHedgeNeutralGridHoldsBothLegsSurvivesAKilledDaemonAndItsStopLossClosesBothLegs() throws Exception {
        Daemon first = daemon("a");
        var reply = ControlRequests.send(db, gridId, Control.START, "test", 30_000, 60_000, System::currentTimeMillis);
        assertThat(reply).isInstanceOfSatisfying(ControlRequests.Acknowledged.class,
                ack -> assertThat(ack.refused()).as(ack.outcome()).isFalse());
        await("entries resting on both legs", () -> venueOrders().stream().anyMatch(o -> o.side() == Side.BUY
                && o.positionSide() == PositionSide.LONG) && venueOrders().stream().anyMatch(o -> o.side() == Side.SELL
                && o.positionSide() == PositionSide.SHORT));
        assertThat(venueOrders()).as("no order is reduce-only on a hedge account").noneMatch(OpenOrder::reduceOnly)
                .allMatch(o -> o.positionSide() != PositionSide.BOTH);

        // Down through 26,000 and 25,900: two long entries fill, their exits (sells on the LONG leg) follow.
        market.at("25890.0");
        await("long 0.020", () -> legs().longLeg().compareTo(new BigDecimal("0.020")) == 0);
        // Then one trade of two orders' size strictly through 26,100: in price then time priority it takes the
        // long exit at 26,000 and a short entry, which rested before the long exit at 26,100 beside it.
        market.at(null);
        await("both exits resting", () -> venueOrders().stream().filter(o -> o.type() == OrderType.LIMIT
                && o.side() == Side.SELL && o.positionSide() == PositionSide.LONG).count() == 2);
        fake.trade(BTC, new BigDecimal("26100.1"), new BigDecimal("0.020"));
        market.at("26050.0");
        PositionLegs both = PositionLegs.hedge(new BigDecimal("0.010"), new BigDecimal("-0.010"));
        await("long and short at once", () -> legs().sameAs(both));
        await("the fills booked as the venue holds them", () -> booked().sameAs(both));
        await("each leg's protective stop resting", () -> stops().size() == 2);
        assertThat(stops()).anySatisfy(s -> {
            assertThat(s.side()).isEqualTo(Side.SELL);
            assertThat(s.positionSide()).isEqualTo(PositionSide.LONG);
        }).anySatisfy(s -> {
            assertThat(s.side()).isEqualTo(Side.BUY);
            assertThat(s.positionSide()).isEqualTo(PositionSide.SHORT);
        });
        // Each leg's exit rests before the kill: counting orders let the short leg's exit, still on its way, land after
        // the orders were sampled, and it then looked placed again by the daemon taking over.
        await("a's orders settled, each leg's exit resting", () -> venueOrders().stream()
                .filter(o -> o.type() == OrderType.LIMIT).count() >= 4 && venueOrders().stream().anyMatch(o -> o.type() == OrderType.LIMIT && o.side() == Side.BUY
                        && o.positionSide() == PositionSide.SHORT && o.clientOrderId().contains("_XB_"))
                && venueOrders().stream().anyMatch(o -> o.type() == OrderType.LIMIT && o.side() == Side.SELL
                        && o.positionSide() == PositionSide.LONG && o.clientOrderId().contains("_XS_")));

        // kill -9: the lease is left behind; the other daemon takes the grid over once it runs out.
        Set<String> restingBefore = venueOrders().stream().map(OpenOrder::clientOrderId).collect(Collectors.toSet());
        first.running().kill();
        Daemon second = daemon("b");
        await("b hosts the grid", () -> second.running().hostsRunning(db, gridId));
        assertThat(venueOrders().stream().map(OpenOrder::clientOrderId).collect(Collectors.toSet()))
                .as("every order adopted, none placed again").isEqualTo(restingBefore);
        assertThat(second.creates()).as("b sent no create").isZero();
        assertThat(legs().sameAs(both)).as(legs().describe()).isTrue();
        assertThat(new VenueBook(fake.venue(), BTC).duplicateIdentity()).isEmpty();

        // Far below the band and its buffer, in one small trade, so that the legs' exits stay (nearly) unfilled: the
        // long leg's stop fires on the venue, and the grid's stop-loss closes what is left of the short leg.
        market.at(null);
        fake.trade(BTC, new BigDecimal("23000.0"), new BigDecimal("0.001"));
        await("flat on both legs, nothing resting", () -> legs().isFlat() && venueOrders().isEmpty());
        await("stopped after its stop-loss", () -> db.runtime().status(gridId) == GridStatus.STOPPED);
        await("its fills say flat", () -> booked().isFlat());
        assertThat(fills()).filteredOn(f -> f.kind() == ClientOrderId.Kind.STOP).singleElement().satisfies(f -> {
            assertThat(f.side()).isEqualTo(Side.SELL);
            assertThat(f.leg()).as("the venue's stop closed the long leg").isEqualTo(PositionSide.LONG);
        });
        assertThat(fills()).filteredOn(f -> f.kind() == ClientOrderId.Kind.CLOSE).singleElement().satisfies(f -> {
            assertThat(f.side()).isEqualTo(Side.BUY);
            assertThat(f.leg()).as("the grid closed the short leg").isEqualTo(PositionSide.SHORT);
        });
        List<StopLossReport> reports = db.reports().stopLosses(gridId, "hedged");
        assertThat(reports).hasSize(1);
        PositionLegs atTrigger = reports.getFirst().legs();
        assertThat(atTrigger.longLeg().signum()).as(atTrigger.describe()).isPositive();
        assertThat(atTrigger.shortLeg().signum()).as(atTrigger.describe()).isNegative();
        assertThat(fake.requestsSeen()).as("never switched by gridbot")
                .noneMatch(r -> r.startsWith("POST /fapi/v1/positionSide/dual"));
        assertThat(fake.badSignatures()).isZero();
    }
}
