package io.gridbot.exchange.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.StreamHealthEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter contract kit (issue 3): what every {@link ExchangeAdapter} must do for a grid to trust it.
 * Extend it, return your venue from {@link #openVenue()}, and run it with JUnit 5. Asynchronous adapters are
 * waited for with a bounded poll ({@link #within}), never a fixed sleep. See docs/writing-an-adapter.md.
 */
public abstract class ExchangeAdapterContract {

    /** How long the kit waits for an event before failing. */
    protected static final Duration WAIT = Duration.ofSeconds(5);

    private static final AtomicLong IDS = new AtomicLong();

    protected ContractVenue venue;
    protected ExchangeAdapter adapter;
    protected SymbolRules rules;
    protected final List<OrderEvent> orders = new CopyOnWriteArrayList<>();
    protected final List<StreamHealthEvent> health = new CopyOnWriteArrayList<>();

    /** A fresh venue with the symbol listed, a market price, no position and no open orders. */
    protected abstract ContractVenue openVenue();

    @BeforeEach
    void openTheVenue() {
        venue = openVenue();
        adapter = venue.adapter();
        rules = venue.rules();
        adapter.watchOrders(orders::add);
        adapter.watchHealth(health::add);
    }

    @AfterEach
    void closeTheVenue() {
        venue.close();
    }

    // ------------------------------------------------------------------ helpers

    /** Waits until the condition holds, polling, for at most {@link #WAIT}. */
    protected static void within(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    protected String newId() {
        return "kit-" + System.nanoTime() % 1_000_000_000L + "-" + IDS.incrementAndGet();
    }

    /** A price this many ticks from the market. */
    protected BigDecimal ticksAway(int ticks) {
        return rules.floorPrice(venue.price()).add(rules.tickSize().multiply(BigDecimal.valueOf(ticks)));
    }

    /** The smallest quantity that meets the minimums at this price, times {@code steps}. */
    protected BigDecimal qty(BigDecimal price, int multiple) {
        BigDecimal q = rules.minQty().max(rules.stepSize());
        while (!rules.meetsMinimums(price, q)) {
            q = q.add(rules.stepSize());
        }
        return q.multiply(BigDecimal.valueOf(multiple));
    }

    protected OrderRequest limit(String id, Side side, BigDecimal price, BigDecimal qty, TimeInForce tif, boolean reduceOnly) {
        return OrderRequest.limit(id, rules.symbol(), side, price, qty, tif, reduceOnly, PositionSide.BOTH);
    }

    protected boolean streamed(String id, OrderStatus status) {
        return orders.stream().anyMatch(e -> e.clientOrderId().equals(id) && e.status() == status);
    }

    protected List<String> openIds() throws ExchangeException {
        return adapter.openOrders(rules.symbol()).stream().map(OpenOrder::clientOrderId).toList();
    }

    protected static ExchangeErrorKind kindOf(ThrowingCall call) {
        try {
            call.run();
        } catch (ExchangeException e) {
            return e.kind();
        }
        throw new AssertionError("expected the venue to refuse the request");
    }

    /** A request that may throw the taxonomy's exception. */
    @FunctionalInterface
    protected interface ThrowingCall {
        void run() throws ExchangeException;
    }

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
    void aPostOnlyOrderThatWouldTakeIsRefused() {
        BigDecimal price = ticksAway(+30); // a buy above the market would take
        assertThat(kindOf(() -> adapter.createOrder(limit(newId(), Side.BUY, price, qty(price, 1), TimeInForce.GTX, false))))
                .isEqualTo(ExchangeErrorKind.POST_ONLY_WOULD_TAKE);
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
