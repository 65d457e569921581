package io.gridbot.exchange.binance;

import static io.gridbot.exchange.contract.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeAdapter.Result;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.binance.fake.FakeBinance;
import io.gridbot.exchange.contract.Await;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.StreamHealthEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An order status or side the adapter does not know, in a stream event or a REST answer, is an error the grid
 * handles (issue 11), never a silent EXPIRED or BUY: the request fails naming the value, and the adapter
 * reports its streams lost and reconnects, so the grid resynchronises with the venue as after any reconnect
 * (DISCONNECTED, then CONNECTED once open orders and positions were read again).
 */
class BinanceUnknownVenueValuesTest {

    private static final String BTC = "BTCUSDT";

    private final FakeBinance fake = FakeBinance.start(FakeBinance.BTCUSDT, new BigDecimal("26000.0"));
    private final List<OrderEvent> orders = new CopyOnWriteArrayList<>();
    private final List<StreamHealthEvent> health = new CopyOnWriteArrayList<>();
    private BinanceAdapter adapter;

    @BeforeEach
    void open() throws Exception {
        adapter = BinanceAdapter.open(fake.settings());
        adapter.watchOrders(orders::add);
        adapter.watchHealth(health::add);
    }

    @AfterEach
    void close() {
        adapter.close();
        fake.close();
    }

    private static OrderRequest buy(String id) {
        return OrderRequest.limit(id, BTC, Side.BUY, new BigDecimal("25000.0"), new BigDecimal("0.010"), TimeInForce.GTC,
                false, PositionSide.BOTH);
    }

    private String resting(String id) throws Exception {
        adapter.createOrder(buy(id));
        until("NEW for " + id, () -> orders.stream().anyMatch(o -> o.clientOrderId().equals(id) && o.status() == OrderStatus.NEW));
        return id;
    }

    private ExchangeException refusal(Call call) {
        try {
            call.run();
        } catch (ExchangeException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @FunctionalInterface
    private interface Call {
        void run() throws ExchangeException;
    }

    private void resynchronised() {
        until("the streams reported lost and back, resynchronised", () -> health.stream().map(StreamHealthEvent::state)
                .toList().containsAll(List.of(StreamState.DISCONNECTED, StreamState.CONNECTED)));
        assertThat(health.getFirst().state()).isEqualTo(StreamState.DISCONNECTED);
    }

    private static String orderTradeUpdate(String id, String side, String status) {
        return "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":1700000000000,\"T\":1700000000000,\"o\":{\"s\":\"BTCUSDT\",\"c\":\"" + id
                + "\",\"S\":\"" + side + "\",\"o\":\"LIMIT\",\"f\":\"GTC\",\"q\":\"0.010\",\"p\":\"25000.0\",\"ap\":\"0\","
                + "\"sp\":\"0\",\"x\":\"NEW\",\"X\":\"" + status + "\",\"i\":1,\"l\":\"0\",\"z\":\"0\",\"L\":\"0\","
                + "\"T\":1700000000000,\"t\":0,\"m\":false,\"R\":false,\"ps\":\"BOTH\",\"rp\":\"0\"}}";
    }

    @Test
    void anUnknownOrderStatusOnTheUserStreamIsAResyncNotASilentExpiry() throws Exception {
        String id = resting("s-1");
        int before = orders.size();

        fake.pushRaw("private", orderTradeUpdate(id, "BUY", "PARKED"));

        resynchronised();
        assertThat(orders.subList(before, orders.size())).noneMatch(o -> o.clientOrderId().equals(id));
    }

    @Test
    void anUnknownSideOnTheUserStreamIsAResyncNotASilentBuy() throws Exception {
        String id = resting("s-2");
        int before = orders.size();

        fake.pushRaw("private", orderTradeUpdate(id, "SIDEWAYS", "NEW"));

        resynchronised();
        assertThat(orders.subList(before, orders.size())).noneMatch(o -> o.clientOrderId().equals(id));
    }

    @Test
    void anUnknownStatusInAnOrderQueryFailsNamingItAndResynchronises() throws Exception {
        String id = resting("q-1");
        fake.faults().rewriteNextAnswer("GET /fapi/v1/order", "status", "PARKED");

        ExchangeException e = refusal(() -> adapter.queryOrder(BTC, id));

        assertThat(e.kind()).isEqualTo(ExchangeErrorKind.EXCHANGE_UNAVAILABLE);
        assertThat(e.venueMessage()).contains("status", "PARKED");
        resynchronised();
        assertThat(adapter.queryOrder(BTC, id).status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void anUnknownSideInTheOpenOrdersFailsNamingItAndResynchronises() throws Exception {
        resting("o-1");
        fake.faults().rewriteNextAnswer("GET /fapi/v1/openOrders", "side", "SIDEWAYS");

        ExchangeException e = refusal(() -> adapter.openOrders(BTC));

        assertThat(e.venueMessage()).contains("side", "SIDEWAYS");
        resynchronised();
        assertThat(adapter.openOrders(BTC)).singleElement().satisfies(o -> assertThat(o.side()).isEqualTo(Side.BUY));
    }

    @Test
    void aCreateAnsweredWithAnUnknownStatusHasAnUnknownOutcome() throws Exception {
        fake.faults().rewriteNextAnswer("POST /fapi/v1/order", "status", "PARKED");

        ExchangeException e = refusal(() -> adapter.createOrder(buy("c-1")));

        assertThat(e.kind()).as("the order exists; the core asks for it").isEqualTo(ExchangeErrorKind.TIMEOUT_UNKNOWN);
        assertThat(e.venueMessage()).contains("PARKED");
        resynchronised();
    }

    @Test
    void aBatchItemWithAnUnknownStatusHasAnUnknownOutcomeAndTheOthersStand() throws Exception {
        fake.faults().rewriteNextAnswer("POST /fapi/v1/batchOrders", "status", "PARKED");

        List<Result<OrderAck>> results = adapter.createOrders(List.of(buy("b-1"), buy("b-2")));

        assertThat(results).allSatisfy(r -> assertThat(r.error().kind()).isEqualTo(ExchangeErrorKind.TIMEOUT_UNKNOWN));
        assertThat(adapter.openOrders(BTC)).hasSize(2);
    }
}
