package io.gridbot.exchange.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.StreamHealthEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator's venue rules and its faults (issue 3), beyond the contract kit. */
class SimulatedExchangeTest {

    private final SimClock clock = new SimClock(0);
    private final SimulatedExchange sim = new SimulatedExchange(clock, SimSettings.defaults())
            .list(SimulatedExchangeContractTest.BTC, new BigDecimal("26000.0"));
    private final List<Object> events = new ArrayList<>();

    {
        sim.watchOrders(events::add);
        sim.watchAccount(events::add);
        sim.watchHealth(events::add);
    }

    private static OrderRequest buy(String id, String price, String qty) {
        return OrderRequest.limit(id, "BTCUSDT", Side.BUY, new BigDecimal(price), new BigDecimal(qty), TimeInForce.GTC,
                false, PositionSide.BOTH);
    }

    private ExchangeErrorKind refusal(OrderRequest request) {
        try {
            sim.createOrder(request);
        } catch (ExchangeException e) {
            return e.kind();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aFillComesAsAnOrderEventThenAnAccountEventWithMakerFee() throws Exception {
        sim.createOrder(buy("a", "25900.0", "0.010"));
        events.clear();

        sim.trade("BTCUSDT", new BigDecimal("25899.9"), BigDecimal.ONE, 1_000);

        assertThat(events).hasSize(2);
        OrderEvent fill = (OrderEvent) events.get(0);
        assertThat(fill.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(fill.fee()).isEqualByComparingTo("0.05180000"); // 259 x 0.0002
        assertThat(fill.atMs()).isEqualTo(1_000);
        assertThat(events.get(1)).isInstanceOf(AccountEvent.class);
        assertThat(sim.balances().get(0).wallet()).isEqualByComparingTo("9999.9482");
    }

    @Test
    void aTradeSmallerThanTheOrderFillsItInParts() throws Exception {
        sim.createOrder(buy("a", "25900.0", "0.010"));

        sim.trade("BTCUSDT", new BigDecimal("25899.0"), new BigDecimal("0.004"), 1_000);
        assertThat(sim.queryOrder("BTCUSDT", "a").status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        sim.trade("BTCUSDT", new BigDecimal("25899.0"), new BigDecimal("0.004"), 2_000);
        sim.trade("BTCUSDT", new BigDecimal("25899.0"), new BigDecimal("0.004"), 3_000);

        assertThat(sim.queryOrder("BTCUSDT", "a").status()).isEqualTo(OrderStatus.FILLED);
        assertThat(sim.position("BTCUSDT").netQty()).isEqualByComparingTo("0.010");
    }

    @Test
    void minimumNotionalIsWaivedForReduceOnlyOrders() throws Exception {
        SimulatedExchange strict = new SimulatedExchange(new SimClock(0), SimSettings.defaults()).list(
                new io.gridbot.core.market.SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
                        new BigDecimal("0.001"), new BigDecimal("100"), 200), new BigDecimal("26000.0"));
        assertThatThrownBy(() -> strict.createOrder(buy("small", "25900.0", "0.001")))
                .isInstanceOfSatisfying(ExchangeException.class,
                        e -> assertThat(e.kind()).isEqualTo(ExchangeErrorKind.MIN_NOTIONAL));
        strict.createOrder(buy("open", "26000.0", "0.010")); // 260 USDT: takes at once

        strict.createOrder(OrderRequest.limit("exit", "BTCUSDT", Side.SELL, new BigDecimal("26100.0"),
                new BigDecimal("0.001"), TimeInForce.GTC, true, PositionSide.BOTH));

        assertThat(strict.openOrders("BTCUSDT")).extracting(o -> o.clientOrderId()).containsExactly("exit");
        assertThat(refusal(buy("tiny", "25900.0", "0.0001"))).isEqualTo(ExchangeErrorKind.PRECISION);
    }

    @Test
    void aRestingReduceOnlyOrderEndsWhenThereIsNothingLeftToReduce() throws Exception {
        sim.createOrder(buy("long", "26000.0", "0.010")); // takes at once
        sim.createOrder(OrderRequest.limit("exit1", "BTCUSDT", Side.SELL, new BigDecimal("26100.0"), new BigDecimal("0.010"),
                TimeInForce.GTC, true, PositionSide.BOTH));
        sim.createOrder(OrderRequest.limit("exit2", "BTCUSDT", Side.SELL, new BigDecimal("26200.0"), new BigDecimal("0.010"),
                TimeInForce.GTC, true, PositionSide.BOTH));

        sim.trade("BTCUSDT", new BigDecimal("26300.0"), null, 1_000);

        assertThat(sim.queryOrder("BTCUSDT", "exit1").status()).isEqualTo(OrderStatus.FILLED);
        assertThat(sim.queryOrder("BTCUSDT", "exit2").status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(sim.position("BTCUSDT").netQty()).isZero();
    }

    @Test
    void ordersBeyondTheMarginAreRefusedForInsufficientBalance() {
        assertThat(refusal(buy("big", "25000.0", "9.000"))).isEqualTo(ExchangeErrorKind.INSUFFICIENT_BALANCE);
    }

    @Test
    void fundingIsPaidByLongsWhenTheRateIsPositive() throws Exception {
        sim.createOrder(buy("long", "26000.0", "0.100"));
        BigDecimal before = sim.balances().get(0).wallet();

        sim.settleFunding("BTCUSDT", new BigDecimal("0.0001"), 28_800_000);

        assertThat(before.subtract(sim.balances().get(0).wallet())).isEqualByComparingTo("0.26");
    }

    @Test
    void injectedTimeoutsHappenOrNotAsAsked() throws Exception {
        sim.faults().timeOutNextCreates(1, true).timeOutNextCreates(1, false);

        assertThatThrownBy(() -> sim.createOrder(buy("t1", "25900.0", "0.010")))
                .isInstanceOfSatisfying(ExchangeException.class,
                        e -> assertThat(e.kind()).isEqualTo(ExchangeErrorKind.TIMEOUT_UNKNOWN));
        assertThatThrownBy(() -> sim.createOrder(buy("t2", "25800.0", "0.010")))
                .isInstanceOf(ExchangeException.class);

        assertThat(sim.openOrders("BTCUSDT")).extracting(o -> o.clientOrderId()).containsExactly("t1");
    }

    @Test
    void theOrderRateWindowRefusesWithRetryAfter() throws Exception {
        sim.faults().orderRateLimit(2, 10_000);
        sim.createOrder(buy("r1", "25900.0", "0.010"));
        sim.createOrder(buy("r2", "25800.0", "0.010"));

        assertThatThrownBy(() -> sim.createOrder(buy("r3", "25700.0", "0.010")))
                .isInstanceOfSatisfying(ExchangeException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ExchangeErrorKind.RATE_LIMITED);
                    assertThat(e.retryAfterMs()).isEqualTo(10_000);
                });
        sim.advanceTo(10_000);
        sim.createOrder(buy("r3", "25700.0", "0.010"));
    }

    @Test
    void theRequestWeightWindowRefusesEveryRequestOnceSpent() throws Exception {
        sim.faults().requestWeightLimit(7, 60_000);
        sim.createOrder(buy("w1", "25900.0", "0.010")); // 1
        sim.position("BTCUSDT"); // 5
        sim.openOrders("BTCUSDT"); // 1

        assertThatThrownBy(() -> sim.cancelOrder("BTCUSDT", "w1")).isInstanceOfSatisfying(ExchangeException.class, e -> {
            assertThat(e.kind()).isEqualTo(ExchangeErrorKind.RATE_LIMITED);
            assertThat(e.venueCode()).isEqualTo("-1003");
            assertThat(e.retryAfterMs()).isEqualTo(60_000);
        });
        sim.advanceTo(60_000);
        sim.cancelOrder("BTCUSDT", "w1");
    }

    @Test
    void reconnectsFollowTheScheduleAndGiveUpAfterTheLastFailure() {
        sim.faults().failReconnects(3);
        sim.dropStreams();
        sim.advanceTo(5_000);
        sim.advanceTo(15_000);
        sim.advanceTo(30_000);

        assertThat(events).filteredOn(StreamHealthEvent.class::isInstance).map(e -> ((StreamHealthEvent) e).state())
                .containsExactly(StreamState.DISCONNECTED, StreamState.RECONNECTING, StreamState.RECONNECTING,
                        StreamState.RECONNECTING, StreamState.GAVE_UP);
    }

    @Test
    void aStalledStreamDeliversLateButInOrder() throws Exception {
        sim.faults().stallStreamsUntil(5_000);
        sim.createOrder(buy("s", "25900.0", "0.010"));
        assertThat(events).isEmpty();

        sim.advanceTo(5_000);

        assertThat(events).hasSize(1);
    }

    @Test
    void perturbationIsDeterministicForASeed() throws Exception {
        List<String> first = run(42);
        List<String> second = run(42);

        assertThat(first).isEqualTo(second);
        assertThat(first.size()).isGreaterThan(4); // duplicates appeared
    }

    private static List<String> run(long seed) throws Exception {
        SimulatedExchange s = new SimulatedExchange(new SimClock(0), SimSettings.defaults())
                .list(SimulatedExchangeContractTest.BTC, new BigDecimal("26000.0"));
        s.faults().perturbEvents(seed, 0.5, 0.5);
        List<String> seen = new ArrayList<>();
        s.watchOrders(e -> seen.add(e.clientOrderId() + ":" + e.status()));
        for (int i = 0; i < 4; i++) {
            s.createOrder(buy("p" + i, "2590" + i + ".0", "0.010"));
        }
        return seen;
    }
}
