package io.gridbot.exchange.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** When a trade fills a resting order, model by model (issue 15: fill models, partial fills by volume). */
class FillModelTest {

    private long now = 0;

    private static SimulatedExchange venue(FillModel model) {
        return new SimulatedExchange(new SimClock(0), SimSettings.defaults().withFillModel(model))
                .list(SimulatedExchangeContractTest.BTC, new BigDecimal("26000.0"));
    }

    private static OrderRequest limit(String id, Side side, String price, String qty) {
        return OrderRequest.limit(id, "BTCUSDT", side, new BigDecimal(price), new BigDecimal(qty), TimeInForce.GTC, false,
                PositionSide.BOTH);
    }

    private void trade(SimulatedExchange sim, String price, String qty, Side aggressor) {
        now += 1_000;
        sim.trade("BTCUSDT", new BigDecimal(price), qty == null ? null : new BigDecimal(qty), aggressor, now);
    }

    private static BigDecimal filled(SimulatedExchange sim, String id) throws ExchangeException {
        return sim.queryOrder("BTCUSDT", id).cumFilledQty();
    }

    @Test
    void theDefaultModelIsThrough() {
        assertThat(SimSettings.defaults().fillModel()).isEqualTo(FillModel.THROUGH);
    }

    @Test
    void touchFillsABuyOnATradeAtItsPrice() throws Exception {
        SimulatedExchange sim = venue(FillModel.TOUCH);
        sim.createOrder(limit("b", Side.BUY, "25900.0", "0.010"));

        trade(sim, "25900.0", "1", null);

        assertThat(sim.queryOrder("BTCUSDT", "b").status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void throughLeavesAnOrderATradeAtItsPriceAndFillsItOnATradeBeyond() throws Exception {
        SimulatedExchange sim = venue(FillModel.THROUGH);
        sim.createOrder(limit("b", Side.BUY, "25900.0", "0.010"));
        sim.createOrder(limit("s", Side.SELL, "26100.0", "0.010"));

        trade(sim, "25900.0", "1", Side.SELL);
        trade(sim, "26100.0", "1", Side.BUY);
        assertThat(filled(sim, "b")).isZero();
        assertThat(filled(sim, "s")).isZero();

        trade(sim, "25899.9", "1", null);
        trade(sim, "26100.1", "1", null);
        assertThat(sim.queryOrder("BTCUSDT", "b").status()).isEqualTo(OrderStatus.FILLED);
        assertThat(sim.queryOrder("BTCUSDT", "s").status()).isEqualTo(OrderStatus.FILLED);
        assertThat(sim.queryOrder("BTCUSDT", "b").avgPrice()).isEqualByComparingTo("25900.0");
    }

    @ParameterizedTest
    @EnumSource(value = FillModel.class, names = {"TOUCH", "QUEUE"})
    void aTradeAtThePriceFillsARestingOrderOnlyWhenItsTakerWasOnTheOtherSide(FillModel model) throws Exception {
        SimulatedExchange sim = venue(model);
        sim.createOrder(limit("b", Side.BUY, "25900.0", "0.010"));
        sim.createOrder(limit("s", Side.SELL, "26100.0", "0.010"));

        trade(sim, "25900.0", "1", Side.BUY);  // a buyer at 25900 lifted an offer: it cannot have hit our bid
        trade(sim, "26100.0", "1", Side.SELL);
        assertThat(filled(sim, "b")).isZero();
        assertThat(filled(sim, "s")).isZero();

        trade(sim, "25900.0", "1", Side.SELL);
        trade(sim, "26100.0", "1", Side.BUY);
        assertThat(filled(sim, "b")).isEqualByComparingTo("0.010");
        assertThat(filled(sim, "s")).isEqualByComparingTo("0.010");
    }

    @Test
    void queueTradesAtThePriceEatTheQueueAheadBeforeTheyFillTheOrder() throws Exception {
        SimulatedExchange sim = venue(FillModel.QUEUE);
        // The trailing minute: 0.030 traded at two prices, so a level holds 0.015 ahead of a new order.
        trade(sim, "26000.0", "0.010", null);
        trade(sim, "26000.5", "0.020", null);
        sim.createOrder(limit("b", Side.BUY, "25900.0", "0.010"));

        trade(sim, "25900.0", "0.010", Side.SELL); // 0.005 still ahead
        assertThat(filled(sim, "b")).isZero();
        trade(sim, "25900.0", "0.008", Side.SELL); // 0.005 to the queue, 0.003 to the order
        assertThat(filled(sim, "b")).isEqualByComparingTo("0.003");
        trade(sim, "25900.0", "0.100", Side.SELL);
        assertThat(sim.queryOrder("BTCUSDT", "b").status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void queueFillsAtOnceOnATradeThroughThePrice() throws Exception {
        SimulatedExchange sim = venue(FillModel.QUEUE);
        trade(sim, "26000.0", "5", null);
        sim.createOrder(limit("b", Side.BUY, "25900.0", "0.010"));

        trade(sim, "25899.9", "0.004", null);
        trade(sim, "25900.0", "0.006", Side.SELL); // the level traded through: nothing is ahead any more

        assertThat(sim.queryOrder("BTCUSDT", "b").status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void queueOurSecondOrderAtAPriceWaitsBehindTheFirst() throws Exception {
        SimulatedExchange sim = venue(FillModel.QUEUE);
        sim.createOrder(limit("first", Side.BUY, "25900.0", "0.010")); // nothing traded yet: first in line
        sim.createOrder(limit("second", Side.BUY, "25900.0", "0.010"));

        trade(sim, "25900.0", "0.015", Side.SELL);

        assertThat(filled(sim, "first")).isEqualByComparingTo("0.010");
        assertThat(filled(sim, "second")).isEqualByComparingTo("0.005");
    }

    @ParameterizedTest
    @EnumSource(FillModel.class)
    void aTradeFillsAtMostItsVolumeInPriceThenTimePriority(FillModel model) throws Exception {
        SimulatedExchange sim = venue(model);
        sim.createOrder(limit("low", Side.BUY, "25800.0", "0.010"));
        sim.createOrder(limit("high", Side.BUY, "25900.0", "0.010"));
        sim.createOrder(limit("later", Side.BUY, "25900.0", "0.010"));

        trade(sim, "25799.9", "0.015", null);

        assertThat(filled(sim, "high")).isEqualByComparingTo("0.010");
        assertThat(filled(sim, "later")).isEqualByComparingTo("0.005");
        assertThat(filled(sim, "low")).isZero();
        assertThat(sim.position("BTCUSDT").netQty()).isEqualByComparingTo("0.015");
    }

    @ParameterizedTest
    @EnumSource(FillModel.class)
    void aTradeOfUnknownVolumeFillsWholeEveryOrderItReaches(FillModel model) throws Exception {
        SimulatedExchange sim = venue(model);
        trade(sim, "26000.0", "50", null); // a deep queue for the queue model
        sim.createOrder(limit("a", Side.BUY, "25900.0", "0.010"));
        sim.createOrder(limit("b", Side.BUY, "25800.0", "0.020"));

        trade(sim, "25800.0", null, null);

        assertThat(filled(sim, "a")).isEqualByComparingTo("0.010");
        assertThat(filled(sim, "b")).isEqualByComparingTo(model == FillModel.THROUGH ? "0" : "0.020");
    }
}
