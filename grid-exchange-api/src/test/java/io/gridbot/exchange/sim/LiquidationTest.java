package io.gridbot.exchange.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.OrderEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15: margin per symbol and forced liquidation below the maintenance margin, as Binance tells it. */
class LiquidationTest {

    private final SimulatedExchange sim = new SimulatedExchange(new SimClock(0),
            SimSettings.defaults().withInitialBalance(new BigDecimal("1000")))
            .list(SimulatedExchangeContractTest.BTC, new BigDecimal("26000.0"));
    private final List<Object> events = new ArrayList<>();

    {
        sim.margin().watchLiquidations(events::add);
        sim.watchOrders(events::add);
        sim.watchAccount(events::add);
    }

    private static OrderRequest limit(String id, Side side, String price, String qty) {
        return OrderRequest.limit(id, "BTCUSDT", side, new BigDecimal(price), new BigDecimal(qty), TimeInForce.GTC,
                false, PositionSide.BOTH);
    }

    /** 0.5 BTC long taken at 26,000 with the 0.05 % taker fee: the wallet keeps 993.5. */
    private void holdALong() throws ExchangeException {
        sim.createOrder(limit("long", Side.BUY, "26000.0", "0.500"));
        sim.createOrder(limit("rest", Side.BUY, "23000.0", "0.010"));
        sim.placeProtectiveStop(OrderRequest.protectiveStop("stop", "BTCUSDT", Side.SELL, new BigDecimal("22000.0"),
                PositionSide.BOTH, StopTrigger.LAST));
        events.clear();
    }

    @Test
    void aLongBelowItsMaintenanceMarginIsLiquidatedAtTheBreachingTradeWithTheLiquidationFee() throws Exception {
        holdALong();
        BigDecimal liquidationPrice = sim.margin().liquidationPrice("BTCUSDT");
        assertThat(liquidationPrice).isBetween(new BigDecimal("24109.4"), new BigDecimal("24109.5"));

        sim.trade("BTCUSDT", new BigDecimal("24200.0"), null, 1_000); // equity 93.5, margin 48.4: safe
        assertThat(events).isEmpty();
        sim.trade("BTCUSDT", new BigDecimal("24100.0"), null, 2_000); // equity 43.5, margin 48.2

        Liquidation l = (Liquidation) events.get(0);
        assertThat(l.equity()).isEqualByComparingTo("43.5");
        assertThat(l.maintenanceMargin()).isEqualByComparingTo("48.2");
        assertThat(l.price()).isEqualByComparingTo("24100.0");
        assertThat(l.liquidationPrice()).isEqualByComparingTo(liquidationPrice);
        // 1.25 % of 0.5 x 24,100 is 150.625, more than the 43.5 left: the fee takes what is left
        assertThat(l.fee()).isEqualByComparingTo("43.5");
        assertThat(l.clientOrderId()).startsWith("autoclose-");
        assertThat(sim.position("BTCUSDT").netQty()).isZero();
        assertThat(sim.balances().get(0).wallet()).isZero();
        assertThat(sim.openOrders("BTCUSDT")).isEmpty();
    }

    @Test
    void theVenueTellsTheLiquidationAsBinanceDoesAfterTellingItsHost() throws Exception {
        holdALong();

        sim.trade("BTCUSDT", new BigDecimal("24100.0"), null, 2_000);

        assertThat(events.get(0)).isInstanceOf(Liquidation.class); // the host hears first
        List<OrderEvent> orders = events.stream().filter(OrderEvent.class::isInstance).map(OrderEvent.class::cast).toList();
        assertThat(orders).extracting(OrderEvent::clientOrderId).containsExactly("rest", "stop", "autoclose-4");
        assertThat(orders.get(0).status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(orders.get(1).status()).isEqualTo(OrderStatus.CANCELED);
        OrderEvent close = orders.get(2);
        assertThat(close.type()).isEqualTo(OrderType.MARKET);
        assertThat(close.side()).isEqualTo(Side.SELL);
        assertThat(close.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(close.lastFillQty()).isEqualByComparingTo("0.5");
        assertThat(close.fee()).isEqualByComparingTo("43.5");
        assertThat(close.reduceOnly()).isTrue();
        AccountEvent account = (AccountEvent) events.get(events.size() - 1);
        assertThat(account.positions().get(0).netQty()).isZero();
        assertThat(account.balances().get(0).wallet()).isZero();
        TradeRecord last = sim.trades("BTCUSDT", 0).get(sim.trades("BTCUSDT", 0).size() - 1);
        assertThat(last.clientOrderId()).isEqualTo("autoclose-4");
        assertThat(last.tradeId()).isEqualTo(close.tradeId());
        assertThat(sim.queryOrder("BTCUSDT", "autoclose-4").status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void aShortIsLiquidatedWhenThePriceRisesPastItsLiquidationPrice() throws Exception {
        sim.createOrder(limit("short", Side.SELL, "26000.0", "0.500"));
        BigDecimal liquidationPrice = sim.margin().liquidationPrice("BTCUSDT"); // (993.5 + 13,000) / (0.5 x 1.004)
        assertThat(liquidationPrice).isBetween(new BigDecimal("27875.4"), new BigDecimal("27875.5"));

        sim.trade("BTCUSDT", new BigDecimal("27875.0"), null, 1_000);
        assertThat(events).noneMatch(Liquidation.class::isInstance);
        sim.trade("BTCUSDT", new BigDecimal("27900.0"), null, 2_000);

        assertThat(events).filteredOn(Liquidation.class::isInstance).singleElement()
                .satisfies(l -> assertThat(((Liquidation) l).side()).isEqualTo(Side.BUY));
        assertThat(sim.position("BTCUSDT").netQty()).isZero();
    }

    @Test
    void fundingThatTakesTheAccountBelowItsMaintenanceMarginLiquidatesIt() throws Exception {
        holdALong();
        sim.trade("BTCUSDT", new BigDecimal("24200.0"), null, 1_000); // 45.1 above the margin

        BigDecimal received = sim.settleFunding("BTCUSDT", new BigDecimal("0.004"), 28_800_000); // pays 48.4

        assertThat(received).isEqualByComparingTo("-48.4");
        assertThat(events).filteredOn(Liquidation.class::isInstance).hasSize(1);
        assertThat(sim.position("BTCUSDT").netQty()).isZero();
    }

    @Test
    void leverageIsSetPerSymbolAndSetsTheInitialMargin() throws Exception {
        sim.margin().leverage("BTCUSDT", new BigDecimal("2"));

        assertThatThrownBy(() -> sim.createOrder(limit("big", Side.BUY, "25000.0", "0.100"))) // 1,250 of margin
                .isInstanceOfSatisfying(ExchangeException.class,
                        e -> assertThat(e.kind()).isEqualTo(ExchangeErrorKind.INSUFFICIENT_BALANCE));
        sim.margin().leverage("BTCUSDT", new BigDecimal("125"));
        sim.createOrder(limit("big", Side.BUY, "25000.0", "4.000")); // 800 of margin
        assertThat(sim.margin().leverage("BTCUSDT")).isEqualByComparingTo("125");
        assertThatThrownBy(() -> sim.margin().leverage("BTCUSDT", new BigDecimal("126")))
                .hasMessage("leverage must be from 1 to 125, not 126");
    }

    @Test
    void theFullLiquidationFeeIsChargedWhenTheEquityLeftCoversIt() throws Exception {
        SimulatedExchange rich = new SimulatedExchange(new SimClock(0), SimSettings.defaults()
                .withInitialBalance(new BigDecimal("1000")).withMargin(new MarginRules(
                        MarginRules.binanceBtcUsdt().tiers(), new BigDecimal("0.001"))))
                .list(SimulatedExchangeContractTest.BTC, new BigDecimal("26000.0"));
        rich.createOrder(limit("long", Side.BUY, "26000.0", "0.500"));

        rich.trade("BTCUSDT", new BigDecimal("24100.0"), null, 2_000);

        assertThat(rich.position("BTCUSDT").netQty()).isZero();
        assertThat(rich.balances().get(0).wallet()).isEqualByComparingTo("31.45"); // 43.5 - 0.1 % of 12,050
    }

    @Test
    void aPriceThatJumpsPastBankruptcyLeavesTheLossInTheWallet() throws Exception {
        holdALong();

        sim.trade("BTCUSDT", new BigDecimal("23000.1"), null, 2_000); // equity 993.5 - 1,499.95

        assertThat(((Liquidation) events.get(0)).fee()).isZero();
        assertThat(sim.balances().get(0).wallet()).isEqualByComparingTo("-506.45");
    }

    @Test
    void equityAndMaintenanceMarginAreTheAccountsAtTheLastPrice() throws Exception {
        holdALong();
        sim.trade("BTCUSDT", new BigDecimal("25000.0"), null, 1_000);

        assertThat(sim.margin().equity()).isEqualByComparingTo("493.5");
        assertThat(sim.margin().maintenanceMargin()).isEqualByComparingTo("50");
    }
}
