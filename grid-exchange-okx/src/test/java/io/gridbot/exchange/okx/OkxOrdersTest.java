package io.gridbot.exchange.okx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.okx.fake.FakeInstrument;
import io.gridbot.exchange.okx.fake.FakeOkx;
import io.gridbot.exchange.okx.rest.OrderCalls.BatchItem;
import io.gridbot.exchange.okx.wire.ContractSize;
import io.gridbot.exchange.okx.wire.NeutralMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Orders through the REST client against the fake OKX: sizes go out in contracts and come back in the base
 * asset, every refusal comes back with OKX's code and its kind, batches answer item by item.
 */
class OkxOrdersTest {

    private static final String BTC = "BTC-USDT-SWAP";

    private FakeOkx fake;
    private OkxRest okx;
    private ContractSize size;
    private final List<String> doubts = new ArrayList<>();

    @BeforeEach
    void start() throws ExchangeException {
        fake = FakeOkx.start(FakeInstrument.BTC_USDT_SWAP, new BigDecimal("64000")).freezeClock();
        okx = fake.connect(fake.settings(), doubts::add);
        size = okx.instruments().rules(BTC).contracts();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static OrderRequest buy(String id, String price, String qty) {
        return OrderRequest.limit(id, BTC, Side.BUY, new BigDecimal(price), new BigDecimal(qty), TimeInForce.GTC, false,
                PositionSide.BOTH);
    }

    @Test
    void aLimitOrderGoesOutInContractsAndReadsBackInTheBaseAsset() throws ExchangeException {
        var ack = NeutralMapper.ack(okx.orders().place(buy("gbE1", "63000", "0.0123"), size));
        assertThat(ack.clientOrderId()).isEqualTo("gbE1");
        assertThat(fake.bodiesSeen().getLast()).isEqualTo("{\"instId\":\"BTC-USDT-SWAP\",\"tdMode\":\"cross\","
                + "\"clOrdId\":\"gbE1\",\"side\":\"buy\",\"posSide\":\"net\",\"ordType\":\"limit\",\"px\":\"63000\",\"sz\":\"1.23\"}");
        OrderState live = NeutralMapper.state(okx.orders().query(BTC, "gbE1"), size);
        assertThat(live.status()).isEqualTo(OrderStatus.NEW);
        assertThat(live.exchangeOrderId()).isEqualTo(ack.exchangeOrderId());
        assertThat(live.origQty()).isEqualByComparingTo("0.0123");
        assertThat(live.price()).isEqualByComparingTo("63000");

        fake.trade(BTC, new BigDecimal("63000"), new BigDecimal("0.005"));
        OrderState part = NeutralMapper.state(okx.orders().queryById(BTC, ack.exchangeOrderId()), size);
        assertThat(part.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(part.cumFilledQty()).isEqualByComparingTo("0.005");
        assertThat(part.avgPrice()).isEqualByComparingTo("63000");
        List<OpenOrder> open = okx.orders().pending(BTC).stream().map(o -> NeutralMapper.openOrder(o, size)).toList();
        assertThat(open).singleElement().satisfies(o -> {
            assertThat(o.clientOrderId()).isEqualTo("gbE1");
            assertThat(o.filledQty()).isEqualByComparingTo("0.005");
        });

        okx.orders().cancel(BTC, "gbE1");
        assertThat(NeutralMapper.state(okx.orders().query(BTC, "gbE1"), size).status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(okx.orders().pending(BTC)).isEmpty();
        assertThat(doubts).isEmpty();
    }

    @Test
    void aQuantityThatIsNoWholeNumberOfLotsIsRefusedBeforeSending() {
        int seen = fake.requestsSeen().size();
        assertKind(() -> okx.orders().place(buy("gbE2", "63000", "0.00015"), size), ExchangeErrorKind.PRECISION, null,
                "not a whole number of lots");
        assertThat(fake.requestsSeen()).hasSize(seen);
    }

    @Test
    void aClientIdOkxDoesNotAllowIsRefusedBeforeSending() {
        assertKind(() -> okx.orders().place(buy("gb_E_25", "63000", "0.01"), size), ExchangeErrorKind.OTHER, null,
                "1 to 32 letters and digits");
        assertKind(() -> okx.orders().place(buy("g".repeat(33), "63000", "0.01"), size), ExchangeErrorKind.OTHER, null,
                "1 to 32 letters and digits");
    }

    @Test
    void theVenuesRefusalsComeBackWithOkxsCodes() throws ExchangeException {
        okx.orders().place(buy("gbE3", "63000", "0.01"), size);
        assertKind(() -> okx.orders().place(buy("gbE3", "62000", "0.01"), size), ExchangeErrorKind.DUPLICATE_CLIENT_ID,
                "51016", "Client order ID already exists.");
        assertKind(() -> okx.orders().place(buy("gbE4", "63000.05", "0.01"), size), ExchangeErrorKind.PRECISION,
                "51150", null);
        assertKind(() -> okx.orders().place(buy("gbE5", "63000", "10"), size), ExchangeErrorKind.INSUFFICIENT_BALANCE,
                "51008", null);
        assertKind(() -> okx.orders().place(OrderRequest.marketClose("gbC6", BTC, Side.SELL, new BigDecimal("0.01"),
                PositionSide.BOTH), size), ExchangeErrorKind.REDUCE_ONLY_REJECTED, "51169", null);
        assertKind(() -> okx.orders().cancel(BTC, "gbNone"), ExchangeErrorKind.UNKNOWN_ORDER, "51400", null);
        assertKind(() -> okx.orders().query(BTC, "gbNone"), ExchangeErrorKind.UNKNOWN_ORDER, "51603", "Order does not exist.");
        fake.faults().refuseNextOrder("51020", "Your order should meet or exceed the minimum order amount.");
        assertKind(() -> okx.orders().place(buy("gbE7", "63000", "0.01"), size), ExchangeErrorKind.PRECISION, "51020", null);
    }

    @Test
    void aPostOnlyOrderThatWouldTakeIsAcceptedThenReadsAsExpired() throws ExchangeException {
        OrderRequest taking = OrderRequest.limit("gbE8", BTC, Side.BUY, new BigDecimal("64100"), new BigDecimal("0.01"),
                TimeInForce.GTX, false, PositionSide.BOTH);
        okx.orders().place(taking, size);
        assertThat(fake.bodiesSeen().getLast()).contains("\"ordType\":\"post_only\"");
        var order = okx.orders().query(BTC, "gbE8");
        assertThat(order.cancelSource()).isEqualTo("31");
        assertThat(NeutralMapper.state(order, size).status()).isEqualTo(OrderStatus.EXPIRED);
    }

    @Test
    void aMarketCloseReducesTheNetPositionOnly() throws ExchangeException {
        okx.orders().place(buy("gbE9", "63000", "0.02"), size);
        fake.trade(BTC, new BigDecimal("63000"), null);
        assertThat(position()).isEqualByComparingTo("0.02");
        okx.orders().place(OrderRequest.marketClose("gbC9", BTC, Side.SELL, new BigDecimal("0.02"), PositionSide.BOTH), size);
        assertThat(fake.bodiesSeen().getLast()).contains("\"ordType\":\"market\"", "\"sz\":\"2\"", "\"reduceOnly\":true");
        assertThat(okx.account().positions(BTC)).isEmpty();
    }

    private BigDecimal position() throws ExchangeException {
        return NeutralMapper.position(okx.account().positions(BTC).getFirst(), size, 0).netQty();
    }

    @Test
    void aBatchIsAnsweredItemByItemAndALocallyRefusedItemIsNotSent() throws ExchangeException {
        okx.orders().place(buy("gbB0", "60000", "0.01"), size);
        fake.faults().refuseNextOrder("51008", "Order failed. Insufficient USDT margin in account");
        List<BatchItem> items = okx.orders().placeBatch(List.of(buy("gbB1", "61000", "0.01"), buy("gbB2", "61100", "0.01"),
                buy("gbB0", "61200", "0.01"), buy("gbB3", "61300", "0.00001")), size);
        assertThat(items.get(0)).isInstanceOfSatisfying(BatchItem.Failed.class,
                f -> assertThat(f.error().kind()).isEqualTo(ExchangeErrorKind.INSUFFICIENT_BALANCE));
        assertThat(items.get(1)).isInstanceOfSatisfying(BatchItem.Placed.class,
                p -> assertThat(p.order().clOrdId()).isEqualTo("gbB2"));
        assertThat(items.get(2)).isInstanceOfSatisfying(BatchItem.Failed.class,
                f -> assertThat(f.error().venueCode()).isEqualTo("51016"));
        assertThat(items.get(3)).isInstanceOfSatisfying(BatchItem.Failed.class,
                f -> assertThat(f.error().kind()).isEqualTo(ExchangeErrorKind.PRECISION));
        assertThat(fake.bodiesSeen().getLast()).doesNotContain("gbB3");

        Map<String, ExchangeException> cancels = okx.orders().cancelBatch(BTC, List.of("gbB0", "gbB2", "gbB1"));
        assertThat(cancels.get("gbB0")).isNull();
        assertThat(cancels.get("gbB2")).isNull();
        assertThat(cancels.get("gbB1").kind()).isEqualTo(ExchangeErrorKind.UNKNOWN_ORDER);
        assertThat(okx.orders().pending(BTC)).isEmpty();
    }

    @Test
    void pendingOrdersAreReadPageAfterPage() throws ExchangeException {
        for (int batch = 0; batch < 7; batch++) {
            List<OrderRequest> orders = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = batch * 20 + i;
                orders.add(buy("gbL" + n, Integer.toString(50_000 + n), "0.0001"));
            }
            assertThat(okx.orders().placeBatch(orders, size)).allMatch(BatchItem.Placed.class::isInstance);
        }
        assertThat(okx.orders().pending(BTC)).hasSize(140).extracting(o -> o.clOrdId()).doesNotHaveDuplicates();
        assertThat(fake.requestsSeen()).filteredOn(r -> r.startsWith("GET /api/v5/trade/orders-pending")).hasSize(2);
        assertThat(fake.rateLimited()).isZero();
    }

    static void assertKind(ThrowingCallable call, ExchangeErrorKind kind, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ExchangeException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            if (code != null) {
                assertThat(e.venueCode()).isEqualTo(code);
            }
            if (message != null) {
                assertThat(e.venueMessage()).contains(message);
            }
        });
    }
}
