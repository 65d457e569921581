package io.gridbot.exchange.bybit.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.contract.Await;
import io.gridbot.exchange.bybit.BybitAdapter;
import io.gridbot.exchange.bybit.fake.FakeBybit;
import io.gridbot.exchange.bybit.fake.FakeInstrument;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.DepthEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.StreamHealthEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The streams against the fake Bybit's sockets: the market topics merged into tickers and depth, fills with their
 * execution ids and legs, account pushes, Bybit's ping kept up on a quiet socket, a silent socket found dead and the
 * streams reconnected with every topic, the reconnect schedule given up after its last attempt, and a push that
 * cannot be read answered with an immediate resync (issue 18).
 */
class BybitStreamsTest {

    private static final String BTC = "BTCUSDT";

    private FakeBybit fake;
    private BybitAdapter bybit;
    private final List<StreamHealthEvent> health = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws ExchangeException {
        fake = FakeBybit.start(FakeInstrument.BTCUSDT, new BigDecimal("64000.0"));
        bybit = BybitAdapter.open(fake.settings(), fake.streamSettings(), fake.clientClock(), fake.clientPause());
        bybit.watchHealth(health::add);
    }

    @AfterEach
    void stop() {
        bybit.close();
        fake.close();
    }

    private boolean saw(StreamState state) {
        return health.stream().anyMatch(h -> h.state() == state);
    }

    @Test
    void theSpecsScheduleIsFiveTenFifteenSecondsAndAPingEveryTwenty() {
        BybitStreamSettings settings = BybitStreamSettings.at("wss://a/v5/public/linear", "wss://a/v5/private");
        assertThat(settings.reconnectDelays()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(15));
        assertThat(settings.pingEvery()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.deadAfter()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void tickersMergeTheirDeltasAndTradesAndTheBookArrive() {
        List<TickerEvent> tickers = new CopyOnWriteArrayList<>();
        List<DepthEvent> depths = new CopyOnWriteArrayList<>();
        bybit.watchTicker(BTC, tickers::add);
        bybit.watchDepth(BTC, depths::add);
        Await.until("the snapshots", () -> !tickers.isEmpty() && !depths.isEmpty());
        assertThat(tickers.getFirst().bid()).isEqualByComparingTo("63999.9");

        fake.rawFrame("public", "{\"topic\":\"tickers.BTCUSDT\",\"type\":\"delta\",\"data\":{\"symbol\":\"BTCUSDT\","
                + "\"lastPrice\":\"64010.0\"},\"cs\":9,\"ts\":1700000000000}");
        Await.until("the delta", () -> tickers.stream().anyMatch(t -> t.last().compareTo(new BigDecimal("64010.0")) == 0));
        TickerEvent merged = tickers.stream().filter(t -> t.last().compareTo(new BigDecimal("64010.0")) == 0).findFirst()
                .orElseThrow();
        assertThat(merged.bid()).as("kept from the snapshot").isEqualByComparingTo("63999.9");

        fake.trade(BTC, new BigDecimal("64100.0"), new BigDecimal("0.005"));
        Await.until("the trade", () -> tickers.stream().anyMatch(t -> t.lastQty() != null
                && t.lastQty().compareTo(new BigDecimal("0.005")) == 0 && t.last().compareTo(new BigDecimal("64100.0")) == 0));
        Await.until("the book", () -> depths.stream().anyMatch(d -> !d.asks().isEmpty()
                && d.asks().getFirst().price().compareTo(new BigDecimal("64100.1")) == 0));
    }

    @Test
    void fillsComeFromExecutionsWithTheirIdsAndLegsAndTheAccountFollows() throws ExchangeException {
        List<OrderEvent> orders = new CopyOnWriteArrayList<>();
        List<AccountEvent> accounts = new CopyOnWriteArrayList<>();
        bybit.watchOrders(orders::add);
        bybit.watchAccount(accounts::add);
        bybit.createOrder(OrderRequest.limit("gb-f1", BTC, Side.BUY, new BigDecimal("63900.0"), new BigDecimal("0.002"),
                TimeInForce.GTC, false, PositionSide.BOTH));
        Await.until("NEW", () -> orders.stream().anyMatch(o -> o.status() == OrderStatus.NEW));
        fake.trade(BTC, new BigDecimal("63900.0"), new BigDecimal("0.001"));
        fake.trade(BTC, new BigDecimal("63900.0"), null);
        Await.until("FILLED", () -> orders.stream().anyMatch(o -> o.status() == OrderStatus.FILLED));

        List<OrderEvent> fills = orders.stream().filter(o -> o.lastFillQty().signum() > 0).toList();
        assertThat(fills).extracting(OrderEvent::status).containsExactly(OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED);
        assertThat(fills).allSatisfy(f -> {
            assertThat(f.tradeId()).isNotBlank();
            assertThat(f.lastFillPrice()).isEqualByComparingTo("63900.0");
            assertThat(f.feeAsset()).isEqualTo("USDT");
            assertThat(f.positionSide()).isEqualTo(PositionSide.BOTH);
        });
        assertThat(fills.getLast().cumFilledQty()).isEqualByComparingTo("0.002");
        assertThat(bybit.trades(BTC, 0)).extracting(t -> t.tradeId())
                .containsExactlyElementsOf(fills.stream().map(OrderEvent::tradeId).toList());
        Await.until("the position pushed", () -> accounts.stream().flatMap(a -> a.positions().stream())
                .anyMatch(p -> p.netQty().compareTo(new BigDecimal("0.002")) == 0));
        Await.until("the wallet pushed", () -> accounts.stream().anyMatch(a -> !a.balances().isEmpty()));
    }

    @Test
    void aQuietSocketIsPingedAndStaysUp() {
        bybit.watchOrders(o -> { });
        Await.until("three pongs", () -> fake.pingsAnswered() >= 3);
        assertThat(saw(StreamState.DISCONNECTED)).isFalse();
    }

    @Test
    void aSilentSocketIsFoundDeadAndTheStreamsComeBackWithEveryTopic() {
        List<TickerEvent> tickers = new CopyOnWriteArrayList<>();
        bybit.watchTicker(BTC, tickers::add);
        bybit.watchOrders(o -> { });
        Await.until("connected", () -> fake.connections("private") == 1 && !tickers.isEmpty());
        fake.muteStreams(true);
        Await.until("DISCONNECTED", () -> saw(StreamState.DISCONNECTED));
        assertThat(health).filteredOn(h -> h.state() == StreamState.DISCONNECTED).first()
                .satisfies(h -> assertThat(h.reason()).contains("silent"));
        fake.muteStreams(false);
        Await.until("CONNECTED", () -> saw(StreamState.CONNECTED));
        tickers.clear();
        fake.trade(BTC, new BigDecimal("64200.0"), null);
        Await.until("tickers again, resubscribed", () -> tickers.stream()
                .anyMatch(t -> t.last().compareTo(new BigDecimal("64200.0")) == 0));
    }

    @Test
    void afterTheLastFailedAttemptTheStreamsGiveUp() {
        bybit.watchOrders(o -> { });
        Await.until("connected", () -> fake.connections("private") == 1);
        fake.muteStreams(true); // a reconnect's auth is never answered
        Await.until("GAVE_UP", () -> saw(StreamState.GAVE_UP));
        assertThat(health).extracting(StreamHealthEvent::state).containsSubsequence(StreamState.DISCONNECTED,
                StreamState.RECONNECTING, StreamState.RECONNECTING, StreamState.RECONNECTING, StreamState.GAVE_UP);
        assertThat(health).filteredOn(h -> h.state() == StreamState.RECONNECTING).extracting(StreamHealthEvent::attempt)
                .containsExactly(1, 2, 3);
    }

    @Test
    void aPushThatCannotBeReadResynchronisesAtOnce() {
        bybit.watchOrders(o -> { });
        Await.until("subscribed to orders", () -> fake.connections("private") == 1 && fake.subscribed("private", "order"));
        fake.rawFrame("private", "{\"topic\":\"order\",\"data\":[{\"orderStatus\":\"Exploded\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"symbol\":\"BTCUSDT\"}]}");
        Await.until("DISCONNECTED", () -> saw(StreamState.DISCONNECTED));
        Await.until("CONNECTED", () -> saw(StreamState.CONNECTED));
        assertThat(health).filteredOn(h -> h.state() == StreamState.DISCONNECTED).first()
                .satisfies(h -> assertThat(h.reason()).contains("order push could not be read"));
    }
}
