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
 * Issue 17 with issue 16's rules: a neutral grid on an OKX account in long/short position mode (the fake OKX, its
 * wire format: {@code posSide} on every order, no {@code reduceOnly}), hosted by real daemon processes on MariaDB.
 * It holds a long and a short leg at once, each with its exits and its own protective stop (an algo order per
 * leg); the daemon is killed with SIGKILL and the next adopts every order and both legs without a create; then the
 * price breaks the band, the long leg's stop fires on the venue and the grid's stop-loss closes the short leg.
 */
class OkxLongShortEndToEndTest {

    private static final String ETH = "ETH-USDT-SWAP";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // the daemons' logs stay when it fails
    Path dir;

    private ServerDatabase server;
    private Database db;
    private FakeOkx fake;
    private MarketFeed market;
    private long gridId;
    private final List<FakeVenueDaemon.Running> daemons = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        server = ServerDatabase.create();
        db = Database.open(server.settings());
        fake = FakeOkx.start(FakeInstrument.ETH_USDT_SWAP, new BigDecimal("1655.00")).longShortMode(true);
        var rules = ((SymbolListing.Listed) new OkxVenueProvider().listing(VenueSettings.of(FakeVenueDaemon.okx(fake)),
                ETH)).rules();
        gridId = db.configs().create(GridConfig.builder("okx-hedged", rules).exchange("okx").mode(GridMode.NEUTRAL)
                .positionMode(PositionMode.HEDGE).band(new BigDecimal("1600"), new BigDecimal("1700")).levels(11)
                .orderQty(new BigDecimal("0.3")).maxPosition(new BigDecimal("1.5"))
                .stopLossBufferPct(new BigDecimal("5")).build(), 0);
        market = new MarketFeed(p -> fake.trade(ETH, p, null)).at("1655.00");
    }

    @AfterEach
    void close() throws Exception {
        for (FakeVenueDaemon.Running d : daemons) {
            d.kill();
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

    private FakeVenueDaemon.Running daemon(String name) throws Exception {
        FakeVenueDaemon.Running daemon = FakeVenueDaemon.start(FakeVenueDaemon.builder(dir.resolve(name),
                dir.resolve(name + ".log"), server.settings().jdbcUrl(), server.settings().user(),
                server.settings().password(), FakeVenueDaemon.okx(fake)), WAIT);
        daemons.add(daemon);
        return daemon;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Eventually.await(what, WAIT, condition);
    }

    /** The venue's truth, its client ids read back through OKX's codec. */
    private VenueBook book() {
        return new VenueBook(new EncodedClientIds(fake.venue(), ClientIdCodec.LETTERS_AND_DIGITS), ETH);
    }

    private List<OpenOrder> venueOrders() {
        return book().openOrders();
    }

    private List<OpenOrder> stops() {
        return venueOrders().stream().filter(o -> o.type() == OrderType.STOP_MARKET).toList();
    }

    private List<Fill> fills() {
        return db.fills().between(gridId, 0, Long.MAX_VALUE);
    }

    private PositionLegs booked() {
        PositionLegs legs = PositionLegs.FLAT;
        for (Fill f : fills()) {
            legs = legs.plus(f.leg(), f.side() == Side.BUY ? f.qty() : f.qty().negate());
        }
        return legs;
    }

    @Test
    void aNeutralGridInLongShortModeHoldsBothLegsSurvivesAKilledDaemonAndItsStopLossClosesBothLegs() throws Exception {
        FakeVenueDaemon.Running first = daemon("a");
        var reply = ControlRequests.send(db, gridId, Control.START, "test", 30_000, 60_000, System::currentTimeMillis);
        assertThat(reply).isInstanceOfSatisfying(ControlRequests.Acknowledged.class,
                ack -> assertThat(ack.refused()).as(ack.outcome()).isFalse());
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
        await("the fills booked as the venue holds them", () -> booked().sameAs(both));
        await("each leg's protective stop resting", () -> stops().size() == 2);
        assertThat(stops()).anySatisfy(s -> {
            assertThat(s.side()).isEqualTo(Side.SELL);
            assertThat(s.positionSide()).isEqualTo(PositionSide.LONG);
        }).anySatisfy(s -> {
            assertThat(s.side()).isEqualTo(Side.BUY);
            assertThat(s.positionSide()).isEqualTo(PositionSide.SHORT);
        });
        await("a's orders settled", () -> venueOrders().stream().filter(o -> o.type() == OrderType.LIMIT).count() >= 4);

        Set<String> restingBefore = venueOrders().stream().map(OpenOrder::clientOrderId).collect(Collectors.toSet());
        first.kill();
        int acceptedBefore = fake.ordersAccepted().size();
        FakeVenueDaemon.Running second = daemon("b");
        await("b hosts the grid", () -> second.hostsRunning(db, gridId));
        assertThat(venueOrders().stream().map(OpenOrder::clientOrderId).collect(Collectors.toSet()))
                .as("every order adopted, none placed again").isEqualTo(restingBefore);
        assertThat(fake.ordersAccepted()).as("b placed nothing").hasSize(acceptedBefore);
        assertThat(book().legs().sameAs(both)).as(book().legs().describe()).isTrue();
        assertThat(book().duplicateIdentity()).isEmpty();

        // Far below the band and its buffer, in one small trade: the long leg's stop fires on the venue, and the
        // grid's stop-loss closes the short leg.
        market.at(null);
        fake.trade(ETH, new BigDecimal("1500.00"), new BigDecimal("0.1"));
        await("flat on both legs, nothing resting", () -> book().legs().isFlat() && venueOrders().isEmpty());
        await("stopped after its stop-loss", () -> db.runtime().status(gridId) == GridStatus.STOPPED);
        await("its fills say flat", () -> booked().isFlat());
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
