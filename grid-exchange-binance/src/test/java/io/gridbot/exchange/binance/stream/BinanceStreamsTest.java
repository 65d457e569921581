package io.gridbot.exchange.binance.stream;

import static io.gridbot.exchange.contract.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.binance.AdapterTime;
import io.gridbot.exchange.binance.BinanceAdapter;
import io.gridbot.exchange.binance.BinanceSettings;
import io.gridbot.exchange.binance.fake.FakeBinance;
import io.gridbot.exchange.binance.fake.StallingProxy;
import io.gridbot.exchange.contract.Await;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.DepthEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.StreamHealthEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The streams against the fake (AC5.4, edge case 1): events flow, a lost stream is reconnected on the schedule
 * with everything resubscribed and the account resynchronised before CONNECTED, the last failure says GAVE_UP,
 * expired listen keys and the venue's own closes are handled, streams are replaced before their maximum age, and
 * malformed frames are skipped. The adapter's schedule runs on a clock the test moves; what waits for a socket
 * (a frame, a connect, a dead stream's missing pong) is awaited.
 */
class BinanceStreamsTest {

    private static final String BTC = "BTCUSDT";

    private final FakeBinance fake = FakeBinance.start(FakeBinance.BTCUSDT, new BigDecimal("26000.0"));
    private final List<TickerEvent> tickers = new CopyOnWriteArrayList<>();
    private final List<OrderEvent> orders = new CopyOnWriteArrayList<>();
    private final List<AccountEvent> accounts = new CopyOnWriteArrayList<>();
    private final List<StreamHealthEvent> health = new CopyOnWriteArrayList<>();
    private final AdapterTime.Manual time = AdapterTime.manual(System.currentTimeMillis());
    private BinanceAdapter adapter;

    /** On real time, for what involves no schedule of the adapter's. */
    private BinanceAdapter open(BinanceSettings settings) throws Exception {
        return open(settings, AdapterTime.system());
    }

    /**
     * On {@link #time}, which the test moves, with the production reconnect schedule (5, 10, 15 s): reconnect
     * delays, keep-alives and replacements wait for it.
     */
    private BinanceAdapter openOnTestTime(BinanceSettings settings) throws Exception {
        return open(settings.withReconnectDelays(List.of(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(15))), time);
    }

    private BinanceAdapter open(BinanceSettings settings, AdapterTime on) throws Exception {
        adapter = BinanceAdapter.open(settings, on);
        adapter.watchTicker(BTC, tickers::add);
        adapter.watchOrders(orders::add);
        adapter.watchAccount(accounts::add);
        adapter.watchHealth(health::add);
        until("the market streams open", () -> fake.connections("public") == 1 && fake.connections("market") == 1);
        return adapter;
    }

    @AfterEach
    void close() {
        if (adapter != null) {
            adapter.close();
        }
        fake.close();
    }

    private void tradeAndSeeTicker(String price) {
        int before = tickers.size();
        fake.trade(BTC, new BigDecimal(price), BigDecimal.ONE);
        until("a ticker at " + price, () -> tickers.size() > before
                && tickers.stream().anyMatch(t -> t.price().compareTo(new BigDecimal(price)) == 0));
    }

    private String restingOrder() throws Exception {
        String id = "t-" + System.nanoTime();
        adapter.createOrder(OrderRequest.limit(id, BTC, Side.BUY, new BigDecimal("25000.0"), new BigDecimal("0.010"),
                TimeInForce.GTC, false, PositionSide.BOTH));
        until("NEW for " + id, () -> orders.stream().anyMatch(o -> o.clientOrderId().equals(id) && o.status() == OrderStatus.NEW));
        return id;
    }

    private List<StreamState> states() {
        return health.stream().map(StreamHealthEvent::state).toList();
    }

    @Test
    void marketAndUserEventsFlow() throws Exception {
        open(fake.settings());
        List<DepthEvent> depth = new CopyOnWriteArrayList<>();
        adapter.watchDepth(BTC, depth::add);
        tradeAndSeeTicker("26001.0");
        // book ticker (public route) and aggregate trades (market route) arrive in either order
        until("the trade's last price", () -> tickers.stream().anyMatch(t -> t.last() != null
                && t.last().compareTo(new BigDecimal("26001.0")) == 0));
        until("the book's bid and ask", () -> tickers.stream().anyMatch(t -> t.bid() != null
                && t.bid().compareTo(new BigDecimal("26000.9")) == 0 && t.ask().compareTo(new BigDecimal("26001.1")) == 0));
        until("a mark price", () -> adapter.markPrice(BTC) != null);
        fake.trade(BTC, new BigDecimal("26002.0"), BigDecimal.ONE);
        until("a depth event with the new book", () -> depth.stream()
                .anyMatch(d -> d.bids().getFirst().price().compareTo(new BigDecimal("26001.9")) == 0));

        String id = restingOrder();
        fake.trade(BTC, new BigDecimal("25000.0"), new BigDecimal("0.004"));
        until("a partial fill", () -> orders.stream().anyMatch(o -> o.clientOrderId().equals(id)
                && o.status() == OrderStatus.PARTIALLY_FILLED && o.tradeId() != null));
        until("the account update it caused", () -> accounts.stream().anyMatch(a -> a.positions().stream()
                .anyMatch(p -> p.netQty().compareTo(new BigDecimal("0.004")) == 0)));
        assertThat(health).isEmpty();
    }

    @Test
    void aDroppedStreamReconnectsResubscribesAndResynchronisesBeforeConnected() throws Exception {
        openOnTestTime(fake.settings());
        restingOrder();
        tradeAndSeeTicker("26001.0");

        fake.dropStreams();

        until("DISCONNECTED", () -> states().contains(StreamState.DISCONNECTED));
        assertThat(states()).as("no attempt before the first delay").containsExactly(StreamState.DISCONNECTED);
        time.advance(Duration.ofSeconds(5));
        until("CONNECTED", () -> states().contains(StreamState.CONNECTED));
        assertThat(states()).containsExactly(StreamState.DISCONNECTED, StreamState.RECONNECTING, StreamState.CONNECTED);
        assertThat(health.get(1).attempt()).isEqualTo(1);
        assertThat(accounts).anyMatch(a -> a.reason().equals("RESYNC"));
        // everything was resubscribed: market data and the user stream flow again
        tradeAndSeeTicker("26003.0");
        restingOrder();
        assertThat(fake.connections("public")).isEqualTo(1);
        assertThat(fake.connections("private")).isEqualTo(1);
    }

    @Test
    void afterTheLastFailedAttemptItGivesUp() throws Exception {
        openOnTestTime(fake.settings());
        fake.faults().refuseStreamConnects(100);

        fake.dropStreams();

        until("DISCONNECTED", () -> states().contains(StreamState.DISCONNECTED));
        time.advance(Duration.ofSeconds(5));
        time.advance(Duration.ofSeconds(10));
        assertThat(states()).doesNotContain(StreamState.GAVE_UP);
        time.advance(Duration.ofSeconds(15));
        until("GAVE_UP", () -> states().contains(StreamState.GAVE_UP));
        assertThat(states()).containsExactly(StreamState.DISCONNECTED, StreamState.RECONNECTING, StreamState.RECONNECTING,
                StreamState.RECONNECTING, StreamState.GAVE_UP);
        assertThat(health).extracting(StreamHealthEvent::attempt).containsExactly(0, 1, 2, 3, 3);
    }

    @Test
    void aStreamThatGoesSilentIsDetectedDeadWithinFiveSeconds() throws Exception {
        int port = Integer.parseInt(fake.streamUrl().substring(fake.streamUrl().lastIndexOf(':') + 1));
        try (StallingProxy proxy = new StallingProxy(port)) {
            openOnTestTime(fake.settings().withUrls(fake.restUrl(), "ws://127.0.0.1:" + proxy.port()));
            long stalledAt = System.nanoTime();

            proxy.stall(true); // no close, no reset: the bytes just stop, pongs included

            until("DISCONNECTED", () -> states().contains(StreamState.DISCONNECTED));
            assertThat(Duration.ofNanos(System.nanoTime() - stalledAt)).isLessThan(Duration.ofSeconds(5));
            proxy.stall(false);
            time.advance(Duration.ofSeconds(5));
            until("CONNECTED", () -> states().contains(StreamState.CONNECTED));
            tradeAndSeeTicker("26007.0");
        }
    }

    @Test
    void theListenKeyIsKeptAliveAndAVanishedKeyIsReplaced() throws Exception {
        openOnTestTime(fake.settings()); // the key is extended every 30 minutes
        time.advance(Duration.ofMinutes(29));
        assertThat(fake.requestsSeen()).noneMatch(r -> r.startsWith("PUT /fapi/v1/listenKey"));
        time.advance(Duration.ofMinutes(1));
        until("a keep-alive", () -> fake.requestsSeen().stream().anyMatch(r -> r.startsWith("PUT /fapi/v1/listenKey")));

        fake.forgetListenKey(); // gone without a listenKeyExpired event: the next keep-alive gets -1125

        time.advance(Duration.ofMinutes(30));

        until("CONNECTED", () -> states().contains(StreamState.CONNECTED));
        restingOrder();
    }

    @Test
    void aReconnectThatFailsOnceSucceedsOnTheNextAttempt() throws Exception {
        openOnTestTime(fake.settings());
        fake.faults().refuseStreamConnects(1);

        fake.dropStreams();

        until("DISCONNECTED", () -> states().contains(StreamState.DISCONNECTED));
        time.advance(Duration.ofSeconds(5));
        time.advance(Duration.ofSeconds(10));
        until("CONNECTED", () -> states().contains(StreamState.CONNECTED));
        assertThat(health.getLast().attempt()).isEqualTo(2);
    }

    @Test
    void anExpiredListenKeyIsReplacedAtOnce() throws Exception {
        open(fake.settings());
        fake.expireListenKey();

        until("CONNECTED", () -> states().contains(StreamState.CONNECTED));
        restingOrder(); // the new key's stream carries the events
    }

    @Test
    void theVenueClosingStreamsIsAStreamLost() throws Exception {
        openOnTestTime(fake.settings());
        fake.closeStreams();

        until("DISCONNECTED", () -> states().contains(StreamState.DISCONNECTED));
        time.advance(Duration.ofSeconds(5));
        until("CONNECTED", () -> states().contains(StreamState.CONNECTED));
        tradeAndSeeTicker("26004.0");
    }

    @Test
    void streamsAreReplacedBeforeTheirMaximumAgeWithoutAnOutage() throws Exception {
        openOnTestTime(fake.settings()); // replaced after 23 h 50 min, ahead of the venue's 24-hour cut
        until("the three streams counted open", () -> fake.connectsSoFar() == 3);
        int before = fake.connectsSoFar();

        time.advance(Duration.ofHours(23).plusMinutes(49));
        assertThat(fake.connectsSoFar()).isEqualTo(before);
        time.advance(Duration.ofMinutes(1));
        until("every stream replaced", () -> fake.connectsSoFar() >= before + 3);
        time.advance(Duration.ofHours(23).plusMinutes(50));
        until("every stream replaced twice", () -> fake.connectsSoFar() >= before + 6);

        assertThat(health).isEmpty();
        tradeAndSeeTicker("26005.0");
        restingOrder();
    }

    @Test
    void malformedFramesAreLoggedAndSkipped() throws Exception {
        open(fake.settings());
        AtomicInteger thrown = new AtomicInteger();
        adapter.watchTicker(BTC, t -> {
            thrown.incrementAndGet();
            throw new IllegalStateException("a listener that fails");
        });
        fake.pushRaw("private", "not json at all");
        fake.pushRaw("private", "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":1}");
        fake.pushRaw("private", "{\"e\":\"ACCOUNT_UPDATE\",\"E\":1,\"a\":{\"B\":[{\"a\":\"USDT\",\"wb\":\"NaN-ish\"}]}}");
        fake.pushRaw("public", "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\",\"s\":\"BTCUSDT\",\"b\":\"x\"}}");
        fake.pushRaw("market", "[]");

        tradeAndSeeTicker("26006.0");
        restingOrder();
        assertThat(thrown.get()).isPositive();
        assertThat(health).isEmpty();
    }
}
