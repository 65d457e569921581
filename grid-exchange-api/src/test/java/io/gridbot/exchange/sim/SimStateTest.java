package io.gridbot.exchange.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.account.PositionSnapshot;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated venue outlives the process that hosts it, as a real venue does. */
class SimStateTest {

    @TempDir
    Path dir;

    private static SimulatedExchange venue(Path state) throws Exception {
        return new SimulatedExchange(new SimClock(0), SimSettings.defaults())
                .list(SimulatedExchangeContractTest.BTC, new BigDecimal("26000.0")).persistTo(state);
    }

    @Test
    void aRestartedProcessFindsOrdersPositionWalletHistoryAndClosedOrdersAsTheyWere() throws Exception {
        Path state = dir.resolve("venue.state");
        SimulatedExchange first = venue(state);
        first.createOrder(OrderRequest.limit("rest", "BTCUSDT", Side.BUY, new BigDecimal("25900.0"), new BigDecimal("0.010"),
                TimeInForce.GTC, false, PositionSide.BOTH));
        first.createOrder(OrderRequest.limit("fill", "BTCUSDT", Side.SELL, new BigDecimal("26100.0"),
                new BigDecimal("0.020"), TimeInForce.GTC, false, PositionSide.BOTH));
        first.trade("BTCUSDT", new BigDecimal("26150.0"), new BigDecimal("0.005"), 1_000); // a partial fill
        first.placeProtectiveStop(OrderRequest.protectiveStop("stop", "BTCUSDT", Side.BUY, new BigDecimal("27000.0"),
                PositionSide.BOTH, StopTrigger.LAST));
        // no close(): the process dies here

        SimulatedExchange second = venue(state);

        assertThat(second.openOrders("BTCUSDT")).extracting(o -> o.clientOrderId()).containsExactlyInAnyOrder("rest", "fill",
                "stop");
        assertThat(second.queryOrder("BTCUSDT", "fill").cumFilledQty()).isEqualByComparingTo("0.005");
        assertThat(second.position("BTCUSDT").netQty()).isEqualByComparingTo("-0.005");
        assertThat(second.balances().get(0).wallet()).isEqualByComparingTo(first.balances().get(0).wallet());
        assertThat(second.trades("BTCUSDT", 0)).hasSize(1);
        second.trade("BTCUSDT", new BigDecimal("26150.0"), null, 2_000);
        assertThat(second.queryOrder("BTCUSDT", "fill").status()).isEqualTo(OrderStatus.FILLED);
        assertThat(second.trades("BTCUSDT", 0)).extracting(t -> t.tradeId()).doesNotHaveDuplicates();
    }

    @Test
    void aRestartedProcessFindsTheHedgeModeAndBothLegsAsTheyWere() throws Exception {
        Path state = dir.resolve("venue.state");
        SimulatedExchange first = venue(state);
        first.changePositionMode(PositionMode.HEDGE);
        first.createOrder(OrderRequest.limit("long", "BTCUSDT", Side.BUY, new BigDecimal("26100.0"), new BigDecimal("0.010"),
                TimeInForce.GTC, false, PositionSide.LONG));
        first.createOrder(OrderRequest.limit("short", "BTCUSDT", Side.SELL, new BigDecimal("25900.0"),
                new BigDecimal("0.020"), TimeInForce.GTC, false, PositionSide.SHORT));
        List<PositionSnapshot> before = first.positions("BTCUSDT");
        // no close(): the process dies here

        SimulatedExchange second = venue(state);

        assertThat(second.positionMode()).isEqualTo(PositionMode.HEDGE);
        List<PositionSnapshot> after = second.positions("BTCUSDT");
        assertThat(after).extracting(PositionSnapshot::positionSide).containsExactly(PositionSide.LONG, PositionSide.SHORT);
        assertThat(after).extracting(PositionSnapshot::netQty).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.010"), new BigDecimal("-0.020"));
        assertThat(after).extracting(PositionSnapshot::entryPrice).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(before.stream().map(PositionSnapshot::entryPrice).toList());
        assertThat(second.balances().get(0).wallet()).isEqualByComparingTo(first.balances().get(0).wallet());
    }

    @Test
    void aStateFileOfAOneWayVenueLoadsInOneWayMode() throws Exception {
        Path state = dir.resolve("venue.state");
        SimulatedExchange first = venue(state);
        first.createOrder(OrderRequest.limit("fill", "BTCUSDT", Side.SELL, new BigDecimal("25900.0"),
                new BigDecimal("0.020"), TimeInForce.GTC, false, PositionSide.BOTH));

        SimulatedExchange second = venue(state);

        assertThat(second.positionMode()).isEqualTo(PositionMode.ONE_WAY);
        assertThat(second.positions("BTCUSDT")).singleElement().satisfies(p -> {
            assertThat(p.positionSide()).isEqualTo(PositionSide.BOTH);
            assertThat(p.netQty()).isEqualByComparingTo("-0.020");
        });
    }

    @Test
    void aLookAtAVenueAnotherProcessKeepsReadsItsFileAndNeverWritesIt() throws Exception {
        Path state = dir.resolve("venue.state");
        SimulatedExchange keeper = venue(state);
        keeper.changePositionMode(PositionMode.HEDGE);
        keeper.createOrder(OrderRequest.limit("long", "BTCUSDT", Side.BUY, new BigDecimal("25900.0"),
                new BigDecimal("0.010"), TimeInForce.GTC, false, PositionSide.LONG));
        List<String> kept = Files.readAllLines(state);

        SimulatedExchange look = new SimulatedExchange(new SimClock(0), SimSettings.defaults())
                .list(SimulatedExchangeContractTest.BTC, new BigDecimal("26000.0")).loadFrom(state);
        look.cancelOrder("BTCUSDT", "long");
        look.changePositionMode(PositionMode.ONE_WAY);

        assertThat(keeper.positionMode()).isEqualTo(PositionMode.HEDGE);
        assertThat(Files.readAllLines(state)).as("the file is the keeper's").isEqualTo(kept);
        assertThat(new SimulatedExchange(new SimClock(0), SimSettings.defaults())
                .list(SimulatedExchangeContractTest.BTC, new BigDecimal("26000.0")).loadFrom(dir.resolve("none.state"))
                .positionMode()).as("no file: a fresh venue").isEqualTo(PositionMode.ONE_WAY);
        assertThat(Files.exists(dir.resolve("none.state"))).isFalse();
    }
}
