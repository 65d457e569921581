package io.gridbot.exchange.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.stream.OrderEvent;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The adapter contract kit (issue 3): what every {@link ExchangeAdapter} must do for a grid to trust it.
 * Extend it, return your venue from {@link #openVenue()}, and run it with JUnit 5: the hedge-mode tests of
 * {@link HedgeModeContract} run with these. Asynchronous adapters are waited for with a bounded poll
 * ({@link #within}), never a fixed sleep. See docs/writing-an-adapter.md.
 */
public abstract class ExchangeAdapterContract extends HedgeModeContract {

    // ------------------------------------------------------------------ the contract

    @Test
    void aRestingOrderCanBeCreatedSeenAndCancelled() throws Exception {
        String id = newId();
        BigDecimal price = ticksAway(-50);
        adapter.createOrder(limit(id, Side.BUY, price, qty(price, 1), TimeInForce.GTC, false));

        within("NEW on the order stream", () -> streamed(id, OrderStatus.NEW));
        assertThat(openIds()).contains(id);

        adapter.cancelOrder(rules.symbol(), id);
        within("CANCELED on the order stream", () -> streamed(id, OrderStatus.CANCELED));
        assertThat(openIds()).doesNotContain(id);
        assertThat(kindOf(() -> adapter.cancelOrder(rules.symbol(), id))).isEqualTo(ExchangeErrorKind.UNKNOWN_ORDER);
    }

    @Test
    void cancelAllCancelsEveryOrderOfTheSymbol() throws Exception {
        for (int i = 1; i <= 3; i++) {
            BigDecimal price = ticksAway(-20 * i);
            adapter.createOrder(limit(newId(), Side.BUY, price, qty(price, 1), TimeInForce.GTC, false));
        }
        within("three open orders", () -> {
            try {
                return openIds().size() == 3;
            } catch (ExchangeException e) {
                return false;
            }
        });

        adapter.cancelAllOrders(rules.symbol());

        within("no open orders", () -> {
            try {
                return openIds().isEmpty();
            } catch (ExchangeException e) {
                return false;
            }
        });
    }

    @Test
    void aClientIdIsUniqueAmongOpenOrders() throws Exception {
        String id = newId();
        BigDecimal price = ticksAway(-30);
        adapter.createOrder(limit(id, Side.BUY, price, qty(price, 1), TimeInForce.GTC, false));

        assertThat(kindOf(() -> adapter.createOrder(limit(id, Side.BUY, price, qty(price, 1), TimeInForce.GTC, false))))
                .isEqualTo(ExchangeErrorKind.DUPLICATE_CLIENT_ID);
        assertThat(openIds()).containsOnlyOnce(id);
    }

    @Test
    void aReduceOnlyOrderThatWouldOpenIsRefused() {
        BigDecimal price = ticksAway(-30);
        assertThat(kindOf(() -> adapter.createOrder(limit(newId(), Side.BUY, price, qty(price, 1), TimeInForce.GTC, true))))
                .isEqualTo(ExchangeErrorKind.REDUCE_ONLY_REJECTED);
    }

    @Test
    void aPostOnlyOrderThatWouldTakeIsRefused() throws Exception {
        BigDecimal price = ticksAway(+30); // a buy above the market would take
        String id = newId();
        if (!venue.endsPostOnlyAfterAccepting()) {
            assertThat(kindOf(() -> adapter.createOrder(limit(id, Side.BUY, price, qty(price, 1), TimeInForce.GTX, false))))
                    .isEqualTo(ExchangeErrorKind.POST_ONLY_WOULD_TAKE);
            return;
        }
        // Accepted, then ended by the venue without a fill: the grid reads it as an order the venue expired.
        adapter.createOrder(limit(id, Side.BUY, price, qty(price, 1), TimeInForce.GTX, false));
        within("EXPIRED when asked", () -> {
            try {
                return adapter.queryOrder(rules.symbol(), id).status() == OrderStatus.EXPIRED;
            } catch (ExchangeException e) {
                return false;
            }
        });
        assertThat(adapter.queryOrder(rules.symbol(), id).cumFilledQty()).isZero();
        assertThat(openIds()).doesNotContain(id);
        assertThat(adapter.position(rules.symbol()).netQty()).isZero();
    }

    @Test
    void aPriceOffTheTickIsRefusedAsPrecision() {
        BigDecimal price = ticksAway(-30).add(rules.tickSize().divide(BigDecimal.valueOf(2)));
        assertThat(kindOf(() -> adapter.createOrder(limit(newId(), Side.BUY, price, qty(ticksAway(-30), 1),
                TimeInForce.GTC, false)))).isEqualTo(ExchangeErrorKind.PRECISION);
    }

    @Test
    void partialAndFullFillsAreStreamedAndMoveThePosition() throws Exception {
        String id = newId();
        BigDecimal price = ticksAway(-10);
        BigDecimal qty = qty(price, 4);
        BigDecimal part = qty.divide(BigDecimal.valueOf(4));
        adapter.createOrder(limit(id, Side.BUY, price, qty, TimeInForce.GTC, false));
        within("NEW", () -> streamed(id, OrderStatus.NEW));

        venue.trade(price, part);
        within("PARTIALLY_FILLED", () -> streamed(id, OrderStatus.PARTIALLY_FILLED));
        OrderEvent partial = orders.stream().filter(e -> e.clientOrderId().equals(id)
                && e.status() == OrderStatus.PARTIALLY_FILLED).findFirst().orElseThrow();
        assertThat(partial.cumFilledQty()).isEqualByComparingTo(part);
        assertThat(partial.lastFillPrice()).isEqualByComparingTo(price);

        venue.trade(price, qty);
        within("FILLED", () -> streamed(id, OrderStatus.FILLED));
        assertThat(adapter.position(rules.symbol()).netQty()).isEqualByComparingTo(qty);
        assertThat(adapter.queryOrder(rules.symbol(), id).status()).isEqualTo(OrderStatus.FILLED);
        // the trade history lists both executions: how fills missed while down are recovered
        assertThat(adapter.trades(rules.symbol(), 0)).filteredOn(t -> t.clientOrderId().equals(id))
                .extracting(io.gridbot.exchange.TradeRecord::qty).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(part, qty.subtract(part));
    }

    @Test
    void aReduceOnlyExitClosesThePositionItReduces() throws Exception {
        BigDecimal price = ticksAway(-10);
        BigDecimal qty = qty(price, 1);
        String entry = newId();
        adapter.createOrder(limit(entry, Side.BUY, price, qty, TimeInForce.GTC, false));
        venue.trade(price, qty);
        within("entry FILLED", () -> streamed(entry, OrderStatus.FILLED));

        BigDecimal exitPrice = ticksAway(+20);
        String exit = newId();
        adapter.createOrder(limit(exit, Side.SELL, exitPrice, qty, TimeInForce.GTC, true));
        venue.trade(exitPrice, qty);

        within("exit FILLED", () -> streamed(exit, OrderStatus.FILLED));
        assertThat(adapter.position(rules.symbol()).netQty()).isZero();
    }

    @Test
    void anUnknownOrderQueryIsUnknownOrder() {
        assertThat(kindOf(() -> adapter.queryOrder(rules.symbol(), newId()))).isEqualTo(ExchangeErrorKind.UNKNOWN_ORDER);
    }

    @Test
    void aRateLimitIsReportedAsRateLimited() {
        venue.rejectNextCreate(ExchangeErrorKind.RATE_LIMITED);
        BigDecimal price = ticksAway(-30);
        assertThatThrownBy(() -> adapter.createOrder(limit(newId(), Side.BUY, price, qty(price, 1), TimeInForce.GTC, false)))
                .isInstanceOfSatisfying(ExchangeException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ExchangeErrorKind.RATE_LIMITED);
                    assertThat(e.venueCode()).isNotNull();
                });
    }

    @Test
    void droppedStreamsReconnectAndSayConnected() {
        venue.dropStreams();
        within("DISCONNECTED", () -> health.stream().anyMatch(h -> h.state() == StreamState.DISCONNECTED));

        venue.advance(60_000);

        within("CONNECTED", () -> health.stream().anyMatch(h -> h.state() == StreamState.CONNECTED));
        assertThat(health).anyMatch(h -> h.state() == StreamState.RECONNECTING && h.attempt() >= 1);
    }

    @Test
    void aProtectiveStopRestsAndClosesThePositionWhenTheMarketReachesIt() throws Exception {
        BigDecimal price = ticksAway(-10);
        BigDecimal qty = qty(price, 1);
        String entry = newId();
        adapter.createOrder(limit(entry, Side.BUY, price, qty, TimeInForce.GTC, false));
        venue.trade(price, qty);
        within("entry FILLED", () -> streamed(entry, OrderStatus.FILLED));
        if (!adapter.capabilities().protectiveStops()) {
            return;
        }
        String stop = newId();
        BigDecimal trigger = ticksAway(-100);
        adapter.placeProtectiveStop(OrderRequest.protectiveStop(stop, rules.symbol(), Side.SELL, trigger, PositionSide.BOTH,
                StopTrigger.LAST));
        assertThat(adapter.openOrders(rules.symbol())).anyMatch(o -> o.clientOrderId().equals(stop));

        venue.trade(trigger.subtract(rules.tickSize()), null);

        within("the stop FILLED", () -> streamed(stop, OrderStatus.FILLED));
        assertThat(adapter.position(rules.symbol()).netQty()).isZero();
    }
}
