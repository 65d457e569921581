package io.gridbot.exchange.contract;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.StreamHealthEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract kit's common ground: the venue under test opened afresh for each test, its streams heard, and the
 * helpers the tests share (ids, prices, quantities, bounded waits). The tests are in {@link HedgeModeContract}
 * and {@link ExchangeAdapterContract}; a venue extends the latter and runs them all.
 */
public abstract class ContractKit {

    private static final AtomicLong IDS = new AtomicLong();
    private static final String TAG = ClientOrderId.tagOf("contract-kit");

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

    /** Waits until the condition holds, polling, for at most {@link Await#WAIT}. */
    protected static void within(String what, BooleanSupplier condition) {
        Await.until(what, condition);
    }

    /**
     * A fresh client order id as the core makes them, so a venue whose ids go through a codec is tested with the ids
     * it will be sent; numbered from the wall clock, so a fake that outlives a test run never sees one twice.
     */
    protected String newId() {
        return ClientOrderId.of(TAG, ClientOrderId.Kind.ENTRY, Side.BUY, 0, System.currentTimeMillis() * 1_000
                + IDS.incrementAndGet() % 1_000);
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
}
