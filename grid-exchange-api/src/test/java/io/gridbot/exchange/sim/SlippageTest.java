package io.gridbot.exchange.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Market orders and triggered stops fill against themselves, never at the last or trigger price (issue 15: slippage). */
class SlippageTest {

    private final SimulatedExchange sim = new SimulatedExchange(new SimClock(0), SimSettings.defaults())
            .list(SimulatedExchangeContractTest.BTC, new BigDecimal("26000.0"));

    private static OrderRequest market(String id, Side side, String qty) {
        return new OrderRequest(id, "BTCUSDT", side, OrderType.MARKET, null, null, new BigDecimal(qty), null, false, false,
                PositionSide.BOTH, null);
    }

    private void trade(String price, long atMs) {
        sim.trade("BTCUSDT", new BigDecimal(price), BigDecimal.ONE, atMs);
    }

    private BigDecimal fillPrice(String id) throws Exception {
        return sim.queryOrder("BTCUSDT", id).avgPrice();
    }

    /** A long of 0.010 bought at 26000.0, the opening price. */
    private void goLong() throws Exception {
        sim.createOrder(OrderRequest.limit("long", "BTCUSDT", Side.BUY, new BigDecimal("26000.0"), new BigDecimal("0.010"),
                TimeInForce.GTC, false, PositionSide.BOTH));
    }

    @Test
    void klineReplayAMarketOrderFillsTheLastPriceMovedAgainstItByATenthOfTheMinutesRange() throws Exception {
        trade("26000.0", 0);
        trade("26100.0", 15_000);
        trade("25950.0", 30_000); // a minute's range of 150.0

        sim.createOrder(market("buy", Side.BUY, "0.010"));
        sim.createOrder(market("sell", Side.SELL, "0.020"));

        assertThat(fillPrice("buy")).isEqualByComparingTo("25965.0");
        assertThat(fillPrice("sell")).isEqualByComparingTo("25935.0");
    }

    @Test
    void aMarketOrderInAFlatMarketStillPaysOneTick() throws Exception {
        trade("27000.0", 0);
        trade("26000.0", 60_000); // the trade at 27000 has left the window: nothing moved in the last minute

        sim.createOrder(market("buy", Side.BUY, "0.010"));

        assertThat(fillPrice("buy")).isEqualByComparingTo("26000.1");
    }

    @Test
    void tickReplayWithAQuoteAMarketBuyTakesTheAskAndASellTheBid() throws Exception {
        trade("26000.0", 0);
        trade("26300.0", 1_000);
        sim.quote("BTCUSDT", new BigDecimal("26299.5"), new BigDecimal("26300.5"), 1_500);

        sim.createOrder(market("buy", Side.BUY, "0.010"));
        sim.createOrder(market("sell", Side.SELL, "0.020"));

        assertThat(fillPrice("buy")).isEqualByComparingTo("26300.5");
        assertThat(fillPrice("sell")).isEqualByComparingTo("26299.5");
    }

    @Test
    void aQuoteOlderThanAMinuteIsNotTakenAnyMore() throws Exception {
        sim.quote("BTCUSDT", new BigDecimal("25999.5"), new BigDecimal("26000.5"), 0);
        trade("26000.0", 60_001);

        sim.createOrder(market("buy", Side.BUY, "0.010"));

        assertThat(fillPrice("buy")).isEqualByComparingTo("26000.1");
    }

    @Test
    void aQuoteWithTheBidAboveTheAskIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> sim.quote("BTCUSDT", new BigDecimal("26001.0"), new BigDecimal("26000.0"), 5_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bid 26001.0, ask 26000.0");
        assertThat(sim.clock().nowMs()).isZero();
    }

    @Test
    void aTriggeredStopClosesBelowItsTriggerByATenthOfTheMinutesRange() throws Exception {
        goLong();
        sim.placeProtectiveStop(OrderRequest.protectiveStop("stop", "BTCUSDT", Side.SELL, new BigDecimal("25900.0"),
                PositionSide.BOTH, StopTrigger.LAST));
        trade("26000.0", 0);

        trade("25850.0", 15_000); // through the trigger on the way down: the stop fired at 25900.0

        assertThat(sim.queryOrder("BTCUSDT", "stop").status()).isEqualTo(OrderStatus.FILLED);
        assertThat(fillPrice("stop")).isEqualByComparingTo("25885.0"); // 25900.0 - 150.0 / 10
        assertThat(sim.position("BTCUSDT").netQty()).isZero();
    }

    @Test
    void aStopTheMarketGappedPastClosesFromTheTradesPrice() throws Exception {
        goLong();
        trade("25850.0", 0);
        sim.placeProtectiveStop(OrderRequest.protectiveStop("stop", "BTCUSDT", Side.SELL, new BigDecimal("25900.0"),
                PositionSide.BOTH, StopTrigger.LAST));

        trade("25800.0", 15_000);

        assertThat(fillPrice("stop")).isEqualByComparingTo("25795.0"); // 25800.0 - 50.0 / 10
    }
}
