package io.gridbot.exchange.binance;

import static io.gridbot.exchange.contract.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.fake.FakeBinance;
import io.gridbot.exchange.binance.sign.ApiCredentials;
import io.gridbot.exchange.contract.Await;
import io.gridbot.exchange.stream.StreamHealthEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Secrets never leak (issue 6): through a run full of failures (refusals, bad signatures, wrong keys, rate
 * limits, timeouts, dropped streams, malformed frames) no log line, at any level, and no exception message
 * contains the API key, the secret or any signature the adapter sent.
 */
class BinanceSecretsTest {

    private final FakeBinance fake = FakeBinance.start(FakeBinance.BTCUSDT, new BigDecimal("26000.0"));
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<String> exceptionTexts = new ArrayList<>();
    private Logger root;
    private Level rootLevel;

    @BeforeEach
    void captureLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        context.getLogger("io.gridbot").setLevel(Level.TRACE);
        logs.setContext(context);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void release() {
        root.detachAppender(logs);
        root.setLevel(rootLevel);
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("io.gridbot").setLevel(Level.INFO);
        fake.close();
    }

    private void attempt(Call call) {
        try {
            call.run();
        } catch (ExchangeException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                exceptionTexts.add(t.toString());
                exceptionTexts.add(String.valueOf(t.getMessage()));
            }
            if (e instanceof ExchangeException x) {
                exceptionTexts.add(String.valueOf(x.venueMessage()));
            }
        }
    }

    @FunctionalInterface
    private interface Call {
        void run() throws ExchangeException;
    }

    @Test
    void neitherKeyNorSecretNorSignatureAppearsInLogsOrExceptions() throws Exception {
        List<StreamHealthEvent> health = new CopyOnWriteArrayList<>();
        AdapterTime.Manual time = AdapterTime.manual(System.currentTimeMillis()); // the reconnect delay waits for it
        BinanceAdapter adapter = BinanceAdapter.open(fake.settings(), time);
        adapter.watchHealth(health::add);
        adapter.watchTicker("BTCUSDT", t -> { });
        OrderRequest order = OrderRequest.limit("sec-1", "BTCUSDT", Side.BUY, new BigDecimal("25000.0"),
                new BigDecimal("0.010"), TimeInForce.GTC, false, PositionSide.BOTH);
        attempt(() -> adapter.createOrder(order));
        attempt(() -> adapter.createOrder(order)); // duplicate
        for (ExchangeErrorKind kind : ExchangeErrorKind.values()) {
            fake.faults().rejectNextCreate(kind);
            attempt(() -> adapter.createOrder(OrderRequest.limit("sec-" + kind.ordinal() + "x", "BTCUSDT", Side.BUY,
                    new BigDecimal("25000.0"), new BigDecimal("0.010"), TimeInForce.GTC, false, PositionSide.BOTH)));
        }
        attempt(() -> adapter.cancelOrder("BTCUSDT", "nope"));
        attempt(() -> adapter.symbolRules("NOPE"));
        fake.skewClock(30_000);
        attempt(() -> adapter.openOrders("BTCUSDT"));
        fake.skewClock(0);
        fake.pushRaw("private", "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":1}");
        fake.expireListenKey();
        until("reconnected after the expired key", () -> health.stream().anyMatch(h -> h.state() == StreamState.CONNECTED));
        fake.dropStreams();
        until("lost twice", () -> health.stream().filter(h -> h.state() == StreamState.DISCONNECTED).count() == 2);
        time.advance(Duration.ofMillis(50));
        until("reconnected twice", () -> health.stream().filter(h -> h.state() == StreamState.CONNECTED).count() == 2);
        fake.faults().tooManyRequests(1, 1, true);
        attempt(() -> adapter.balances());
        attempt(() -> adapter.balances());
        exceptionTexts.add(adapter.toString());
        exceptionTexts.add(fake.settings().toString());
        adapter.close();

        // refused when it opens: reading the position mode is the first signed request
        attempt(() -> BinanceAdapter.open(fake.settings().withCredentials(
                new ApiCredentials(FakeBinance.CREDENTIALS.apiKey(), "a-wrong-secret-9QxT"))));
        attempt(() -> BinanceAdapter.open(fake.settings().withCredentials(new ApiCredentials("a-wrong-key-3PzR", "x"))));

        List<String> secrets = new ArrayList<>(List.of(FakeBinance.CREDENTIALS.apiKey(), FakeBinance.CREDENTIALS.secret(),
                "a-wrong-secret-9QxT", "a-wrong-key-3PzR"));
        secrets.addAll(fake.signaturesSeen());
        assertThat(fake.signaturesSeen()).hasSizeGreaterThan(10);
        assertThat(fake.badSignatures()).isPositive();

        List<String> logged = new ArrayList<>();
        for (ILoggingEvent e : logs.list) {
            logged.add(e.getFormattedMessage());
            IThrowableProxy thrown = e.getThrowableProxy();
            if (thrown != null) {
                logged.add(ThrowableProxyUtil.asString(thrown));
            }
        }
        assertThat(logged).as("the run logged something").isNotEmpty();
        assertThat(exceptionTexts).as("the run failed a lot").hasSizeGreaterThan(20);
        for (String secret : secrets) {
            assertThat(logged).noneMatch(line -> line.contains(secret));
            assertThat(exceptionTexts).noneMatch(text -> text.contains(secret));
        }
    }
}
