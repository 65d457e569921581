package io.gridbot.exchange.bybit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.bybit.fake.FakeBybit;
import io.gridbot.exchange.bybit.fake.FakeInstrument;
import io.gridbot.exchange.contract.Await;
import io.gridbot.exchange.wire.ServerClock;
import io.gridbot.exchange.bybit.sign.BybitCredentials;
import io.gridbot.exchange.bybit.stream.BybitStreams;
import io.gridbot.exchange.bybit.stream.OrderLegs;
import io.gridbot.exchange.stream.StreamHealthEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No log line, no exception message and no health reason names the key, the secret or a signature (REST or socket
 * auth), over runs full of refusals, failures, refused auths and reconnects, every line captured at TRACE (issue 18).
 */
class BybitSecretsTest {

    private static final String BTC = "BTCUSDT";
    private static final BybitCredentials WRONG = new BybitCredentials(FakeBybit.CREDENTIALS.apiKey(),
            "BADSECRET0000111122223333");

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final List<String> messages = new ArrayList<>();
    private Logger root;
    private Level before;

    @BeforeEach
    void captureEveryLine() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        before = root.getLevel();
        lines.start();
        root.addAppender(lines);
        root.setLevel(Level.TRACE);
    }

    @AfterEach
    void release() {
        root.detachAppender(lines);
        root.setLevel(before);
    }

    @Test
    void noSecretReachesALogLineOrAnErrorOverRefusedRequests() throws ExchangeException {
        try (FakeBybit fake = FakeBybit.start(FakeInstrument.BTCUSDT, new BigDecimal("64000")).freezeClock()) {
            BybitRest bybit = fake.connect(fake.settings(), messages::add);
            bybit.client().syncTime();
            SymbolRules rules = bybit.instruments().rules(BTC).core();
            bybit.orders().place(buy("gb-k1"), rules);
            fake.skewClock(40_000);
            attempt(() -> bybit.account().wallet());
            fake.faults().refuseNextRequest(200, 10006, "Too many visits!");
            attempt(() -> bybit.account().positions(BTC));
            fake.faults().answerNextCreate(200, 10016, "Server error.", true);
            attempt(() -> bybit.orders().place(buy("gb-k2"), rules));
            attempt(() -> bybit.orders().place(buy("gb-k1"), rules));
            BybitRest wrong = fake.connect(BybitSettings.of(fake.restUrl(), WRONG), messages::add);
            attempt(() -> wrong.account().wallet());
            BybitRest otherKey = fake.connect(BybitSettings.of(fake.restUrl(), new BybitCredentials("someoneElsesKey77",
                    FakeBybit.CREDENTIALS.secret())), messages::add);
            attempt(() -> otherKey.orders().open(BTC));

            assertThat(fake.badSignatures()).isPositive();
            assertNoSecret(fake.signaturesSeen(), "someoneElsesKey77");
        }
    }

    @Test
    void noSecretReachesALogLineOverTheSocketsAuthsAndReconnects() throws ExchangeException {
        try (FakeBybit fake = FakeBybit.start(FakeInstrument.BTCUSDT, new BigDecimal("64000"));
                BybitAdapter bybit = BybitAdapter.open(fake.settings(), fake.streamSettings(), fake.clientClock(),
                        fake.clientPause())) {
            List<StreamHealthEvent> health = new CopyOnWriteArrayList<>();
            bybit.watchHealth(health::add);
            bybit.watchOrders(o -> { });
            bybit.watchAccount(a -> { });
            bybit.createOrder(buy("gb-k3"));
            fake.dropStreams();
            Await.until("reconnected", () -> health.stream().anyMatch(h -> h.state() == StreamState.CONNECTED));
            try (BybitStreams refused = new BybitStreams(fake.streamSettings(), new OkHttpClient(), WRONG,
                    new ServerClock(System::currentTimeMillis), new OrderLegs())) {
                List<StreamHealthEvent> lost = new CopyOnWriteArrayList<>();
                refused.watchHealth(lost::add);
                refused.watchAccount(a -> { });
                Await.until("the wrong auth lost", () -> lost.stream().anyMatch(h -> h.state() == StreamState.DISCONNECTED));
                lost.forEach(h -> messages.add(h.reason()));
            }
            health.forEach(h -> messages.add(h.reason()));
            assertThat(fake.failedAuths()).isPositive();
            assertThat(fake.authSignaturesSeen()).hasSizeGreaterThanOrEqualTo(3); // twice the private socket, once refused
            assertThat(messages).anyMatch(m -> m.contains("Request not authorized"));
            assertNoSecret(fake.authSignaturesSeen(), WRONG.secret());
        }
    }

    private void assertNoSecret(List<String> signatures, String... others) {
        List<String> secrets = new ArrayList<>(List.of(FakeBybit.CREDENTIALS.apiKey(), FakeBybit.CREDENTIALS.secret(),
                WRONG.secret()));
        secrets.addAll(List.of(others));
        secrets.addAll(signatures);
        lines.list.forEach(e -> messages.add(e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())));
        assertThat(messages).isNotEmpty();
        for (String message : messages) {
            for (String secret : secrets) {
                assertThat(message).doesNotContain(secret);
            }
        }
    }

    private static OrderRequest buy(String id) {
        return OrderRequest.limit(id, BTC, Side.BUY, new BigDecimal("63000"), new BigDecimal("0.001"), TimeInForce.GTC,
                false, PositionSide.BOTH);
    }

    private void attempt(Kinds.Call call) {
        try {
            call.run();
        } catch (ExchangeException e) {
            messages.add(e.getMessage());
        }
    }
}
