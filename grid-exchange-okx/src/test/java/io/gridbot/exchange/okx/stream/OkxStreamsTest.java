package io.gridbot.exchange.okx.stream;

import static io.gridbot.exchange.contract.Await.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.contract.Await;
import io.gridbot.exchange.okx.OkxAdapter;
import io.gridbot.exchange.okx.fake.FakeInstrument;
import io.gridbot.exchange.okx.fake.FakeOkx;
import io.gridbot.exchange.wire.ServerClock;
import io.gridbot.exchange.okx.sign.OkxCredentials;
import io.gridbot.exchange.okx.wire.ContractSize;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.DepthEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.StreamHealthEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OKX streams against the fake OKX's WebSockets: market, orders, the stop and the account in base-asset
 * terms; login; OKX's ping keep-alive and a silent socket found dead; reconnect with resubscription and a resync,
 * and giving up after the schedule (issue 17).
 */
class OkxStreamsTest {

    private static final String BTC = "BTC-USDT-SWAP";

    private FakeOkx fake;
    private OkxAdapter okx;
    private final List<StreamHealthEvent> health = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws ExchangeException {
        fake = FakeOkx.start(FakeInstrument.BTC_USDT_SWAP, new BigDecimal("64000"));
        okx = OkxAdapter.open(fake.settings(), fake.streamSettings(), fake.clientClock(), fake.clientPause());
        okx.watchHealth(health::add);
    }

    @AfterEach
    void stop() {
        okx.close();
        fake.close();
    }

    private static OrderRequest limit(String id, Side side, String price, String qty) {
        return new OrderRequest(id, BTC, side, OrderType.LIMIT, TimeInForce.GTC, new BigDecimal(price),
                new BigDecimal(qty), null, false, false, PositionSide.BOTH, null);
    }

    @Test
    void tickersAndBooksCarryTheLastTradeAndTheBookInTheBaseAsset() {
        List<TickerEvent> tickers = new CopyOnWriteArrayList<>();
        List<DepthEvent> depths = new CopyOnWriteArrayList<>();
        okx.watchTicker(BTC, tickers::add);
        okx.watchDepth(BTC, depths::add);
        assertThat(fake.connections("public")).isEqualTo(1);

        fake.trade(BTC, new BigDecimal("64010.5"), new BigDecimal("0.03"));

        until("a ticker", () -> !tickers.isEmpty() && !depths.isEmpty());
        TickerEvent t = tickers.getLast();
        assertThat(t.symbol()).isEqualTo(BTC);
        assertThat(t.last()).isEqualByComparingTo("64010.5");
        assertThat(t.lastQty()).isEqualByComparingTo("0.03"); // 3 contracts of 0.01 BTC on the wire
        assertThat(t.bid()).isEqualByComparingTo("64010.4");
        assertThat(t.ask()).isEqualByComparingTo("64010.6");
        DepthEvent d = depths.getLast();
        assertThat(d.bids().getFirst().price()).isEqualByComparingTo("64010.4");
        assertThat(d.bids().getFirst().qty()).isEqualByComparingTo("0.01"); // 1 contract
        assertThat(d.asks().getFirst().price()).isEqualByComparingTo("64010.6");
    }

    @Test
    void ordersReportTheirFillsInTheBaseAssetWithTradeIdAndFee() throws ExchangeException {
        List<OrderEvent> orders = new CopyOnWriteArrayList<>();
        okx.watchOrders(orders::add);
        assertThat(fake.connections("private")).isEqualTo(1);
        assertThat(fake.connections("business")).isEqualTo(1);

        okx.createOrder(limit("gbB1", Side.BUY, "63900", "0.05"));
        until("NEW", () -> orders.stream().anyMatch(o -> o.status() == OrderStatus.NEW));
        OrderEvent placed = orders.getFirst();
        assertThat(placed.clientOrderId()).isEqualTo("gbB1");
        assertThat(placed.origQty()).isEqualByComparingTo("0.05");
        assertThat(placed.price()).isEqualByComparingTo("63900");
        assertThat(placed.lastFillQty()).isZero();
        assertThat(placed.positionSide()).isEqualTo(PositionSide.BOTH);

        fake.trade(BTC, new BigDecimal("63900"), new BigDecimal("0.02"));
        fake.trade(BTC, new BigDecimal("63900"), null);
        until("FILLED", () -> orders.stream().anyMatch(o -> o.status() == OrderStatus.FILLED));
        List<OrderEvent> fills = orders.stream().filter(o -> o.lastFillQty().signum() > 0).toList();
        assertThat(fills).hasSize(2);
        assertThat(fills.get(0).status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(fills.get(0).lastFillQty()).isEqualByComparingTo("0.02");
        assertThat(fills.get(0).cumFilledQty()).isEqualByComparingTo("0.02");
        assertThat(fills.get(1).lastFillQty()).isEqualByComparingTo("0.03");
        assertThat(fills.get(1).cumFilledQty()).isEqualByComparingTo("0.05");
        for (OrderEvent f : fills) {
            assertThat(f.lastFillPrice()).isEqualByComparingTo("63900");
            assertThat(f.tradeId()).isNotBlank();
            assertThat(f.fee().signum()).isPositive(); // charged: OKX signs it negative, the SPI positive
            assertThat(f.feeAsset()).isEqualTo("USDT");
        }
        assertThat(fills.get(0).tradeId()).isNotEqualTo(fills.get(1).tradeId());
    }

    @Test
    void theTriggeredStopReportsOnOrdersAlgoAndItsMarketOrderUnderTheStopsId() throws ExchangeException {
        okx.createOrder(new OrderRequest("gbE1", BTC, Side.BUY, OrderType.MARKET, null, null, new BigDecimal("0.02"),
                null, false, false, PositionSide.BOTH, null));
        List<OrderEvent> orders = new CopyOnWriteArrayList<>();
        okx.watchOrders(orders::add);
        okx.placeProtectiveStop(OrderRequest.protectiveStop("gbS1", BTC, Side.SELL, new BigDecimal("60000"),
                PositionSide.BOTH, StopTrigger.LAST));
        until("the stop live", () -> orders.stream().anyMatch(o -> o.type() == OrderType.STOP_MARKET
                && o.status() == OrderStatus.NEW));

        fake.trade(BTC, new BigDecimal("59900"), null);

        until("the stop effective", () -> orders.stream().anyMatch(o -> o.type() == OrderType.STOP_MARKET
                && o.status() == OrderStatus.FILLED));
        // the two come on two sockets (private and business), in no set order
        until("its market order", () -> orders.stream().anyMatch(o -> o.type() == OrderType.MARKET));
        OrderEvent market = orders.stream().filter(o -> o.type() == OrderType.MARKET).findFirst().orElseThrow();
        assertThat(market.clientOrderId()).isEqualTo("gbS1");
        assertThat(market.lastFillQty()).isEqualByComparingTo("0.02");
        assertThat(market.side()).isEqualTo(Side.SELL);
        assertThat(orders).allMatch(o -> o.clientOrderId().equals("gbS1"));
    }

    @Test
    void positionsAndBalancesArriveOnTheAccountChannels() throws ExchangeException {
        List<AccountEvent> account = new CopyOnWriteArrayList<>();
        okx.watchAccount(account::add);
        okx.createOrder(new OrderRequest("gbE2", BTC, Side.BUY, OrderType.MARKET, null, null, new BigDecimal("0.03"),
                null, false, false, PositionSide.BOTH, null));
        until("the position", () -> account.stream().flatMap(a -> a.positions().stream())
                .anyMatch(p -> p.netQty().compareTo(new BigDecimal("0.03")) == 0));
        until("the balance", () -> account.stream().anyMatch(a -> a.balances().stream().anyMatch(b -> b.asset().equals("USDT"))));
    }

    @Test
    void aDroppedSocketReconnectsResubscribesAndResyncsBeforeConnected() throws ExchangeException {
        List<TickerEvent> tickers = new CopyOnWriteArrayList<>();
        List<AccountEvent> account = new CopyOnWriteArrayList<>();
        okx.watchTicker(BTC, tickers::add);
        okx.watchAccount(account::add);
        okx.watchOrders(o -> { });
        until("subscribed", () -> fake.subscribed("public", "tickers") && fake.subscribed("private", "orders"));
        int opened = fake.streamsOpened();

        fake.dropStreams();

        until("reconnected", () -> health.stream().anyMatch(h -> h.state() == StreamState.CONNECTED));
        assertThat(health.stream().map(StreamHealthEvent::state).toList())
                .containsExactly(StreamState.DISCONNECTED, StreamState.RECONNECTING, StreamState.CONNECTED);
        assertThat(health.get(1).attempt()).isEqualTo(1);
        assertThat(fake.streamsOpened()).isEqualTo(opened + 3);
        assertThat(account).anyMatch(a -> a.reason().equals("RESYNC"));
        fake.trade(BTC, new BigDecimal("64020"), null);
        until("a ticker on the new socket", () -> tickers.stream().anyMatch(t -> t.last().compareTo(new BigDecimal("64020")) == 0));
    }

    @Test
    void aSilentSocketIsPingedThenFoundDeadAndReplaced() {
        okx.watchTicker(BTC, t -> { });
        until("a ping answered", () -> fake.pingsAnswered() > 0);

        fake.muteStreams(true);
        long mutedAt = System.nanoTime();
        until("found dead", () -> health.stream().anyMatch(h -> h.state() == StreamState.DISCONNECTED));
        assertThat((System.nanoTime() - mutedAt) / 1_000_000).isLessThan(5000);
        assertThat(health.getFirst().reason()).contains("silent");

        fake.muteStreams(false);
        until("reconnected", () -> health.stream().anyMatch(h -> h.state() == StreamState.CONNECTED));
        assertThat(fake.connections("public")).isEqualTo(1);
    }

    @Test
    void theStreamsGiveUpAfterTheLastScheduledAttempt() {
        okx.watchTicker(BTC, t -> { });
        fake.close(); // nothing answers any more

        until("gave up", () -> health.stream().anyMatch(h -> h.state() == StreamState.GAVE_UP));
        assertThat(health.stream().filter(h -> h.state() == StreamState.RECONNECTING).map(StreamHealthEvent::attempt))
                .containsExactly(1, 2, 3);
        assertThat(health.getLast().state()).isEqualTo(StreamState.GAVE_UP);
    }

    @Test
    void aLoginWithTheWrongSecretIsRefusedAndCountsAsALostStream() throws ExchangeException {
        ServerClock clock = new ServerClock(System::currentTimeMillis);
        ContractSize size = new ContractSize(BTC, new BigDecimal("0.01"), new BigDecimal("0.01"), new BigDecimal("0.01"));
        OkxCredentials wrong = new OkxCredentials(FakeOkx.CREDENTIALS.apiKey(), "WRONGSECRET0000000000000000000000",
                FakeOkx.CREDENTIALS.passphrase());
        try (OkxStreams streams = new OkxStreams(fake.streamSettings(), new OkHttpClient(), wrong, clock, id -> size)) {
            List<StreamHealthEvent> seen = new CopyOnWriteArrayList<>();
            streams.watchHealth(seen::add);
            streams.watchOrders(o -> { });
            until("refused", () -> fake.failedLogins() > 0);
            until("lost", () -> seen.stream().anyMatch(h -> h.state() == StreamState.DISCONNECTED));
            assertThat(seen.getFirst().reason()).contains("60009");
        }
    }

    @Test
    void anUnreadablePushReconnectsAtOnceWithoutTheFirstDelay() throws ExchangeException {
        reopenWithAMinuteBeforeTheFirstAttempt();
        List<OrderEvent> orders = new CopyOnWriteArrayList<>();
        okx.watchOrders(orders::add);
        until("subscribed to orders", () -> fake.subscribed("private", "orders"));
        fake.rawFrame("private", "{\"arg\":{\"channel\":\"orders\",\"instType\":\"SWAP\"},\"data\":[{\"instId\":\""
                + BTC + "\",\"state\":\"frozen\",\"side\":\"buy\",\"ordType\":\"limit\",\"sz\":\"1\"}]}");
        until("reconnected", () -> health.stream().anyMatch(h -> h.state() == StreamState.CONNECTED));
        assertThat(health.getFirst().reason()).contains("orders push could not be read").contains("frozen");
        assertThat(orders).isEmpty();
    }

    @Test
    void aServiceUpgradeNoticeMovesTheStreamsToNewConnectionsAtOnce() throws ExchangeException {
        reopenWithAMinuteBeforeTheFirstAttempt();
        List<TickerEvent> tickers = new CopyOnWriteArrayList<>();
        okx.watchTicker(BTC, tickers::add);
        okx.watchOrders(o -> { });
        int opened = fake.streamsOpened();

        fake.rawFrame("public", "{\"event\":\"notice\",\"code\":\"64008\",\"msg\":\"The connection will soon be "
                + "closed for a service upgrade. Please reconnect.\",\"connId\":\"a4d3ae55\"}");

        until("reconnected", () -> health.stream().anyMatch(h -> h.state() == StreamState.CONNECTED));
        assertThat(health.getFirst().reason()).contains("64008");
        assertThat(fake.streamsOpened()).as("new connections, the old ones closed").isGreaterThan(opened);
        assertThat(fake.connections("public")).isEqualTo(1);
        fake.trade(BTC, new BigDecimal("64030"), null);
        until("a ticker on the new socket", () -> tickers.stream().anyMatch(t -> t.last().compareTo(new BigDecimal("64030")) == 0));
    }

    @Test
    void aRestAnswerNamingAnUnknownValueReconnectsAtOnceAndResyncs() throws ExchangeException {
        reopenWithAMinuteBeforeTheFirstAttempt();
        List<AccountEvent> account = new CopyOnWriteArrayList<>();
        okx.watchAccount(account::add);
        okx.watchOrders(o -> { });
        until("connected", () -> fake.connections("private") > 0);
        fake.faults().answerNext("GET /api/v5/trade/orders-pending", "{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"instType\":\"SWAP\","
                + "\"instId\":\"" + BTC + "\",\"ordId\":\"1\",\"clOrdId\":\"gbX1\",\"px\":\"60000\",\"sz\":\"1\","
                + "\"ordType\":\"limit\",\"side\":\"across\",\"posSide\":\"net\",\"accFillSz\":\"0\",\"avgPx\":\"\","
                + "\"state\":\"live\",\"reduceOnly\":\"false\",\"cancelSource\":\"\",\"uTime\":\"1\",\"cTime\":\"1\"}]}");

        assertThatThrownBy(() -> okx.openOrders(BTC)).isInstanceOf(ExchangeException.class);

        until("reconnected", () -> health.stream().anyMatch(h -> h.state() == StreamState.CONNECTED));
        assertThat(health.getFirst().reason()).contains("answer could not be read").contains("across");
        until("resynchronised", () -> account.stream().anyMatch(a -> a.reason().equals("RESYNC")));
    }

    /** The adapter again, a minute before its first scheduled attempt: only an immediate reconnect happens within a test. */
    private void reopenWithAMinuteBeforeTheFirstAttempt() throws ExchangeException {
        okx.close();
        okx = OkxAdapter.open(fake.settings(), fake.streamSettings().withReconnectDelays(List.of(Duration.ofMinutes(1))),
                fake.clientClock(), fake.clientPause());
        health.clear();
        okx.watchHealth(health::add);
    }

    @Test
    void aFrameThatIsNotJsonIsSkipped() {
        List<TickerEvent> tickers = new CopyOnWriteArrayList<>();
        okx.watchTicker(BTC, tickers::add);
        fake.rawFrame("public", "<html>bad gateway</html>");
        fake.trade(BTC, new BigDecimal("64001"), null);
        until("the next ticker", () -> !tickers.isEmpty());
        assertThat(health).isEmpty();
    }
}
