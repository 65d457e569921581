package io.gridbot.exchange.okx;

import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.exchange.contract.Await;
import io.gridbot.exchange.wire.ServerClock;
import io.gridbot.exchange.okx.stream.OkxStreams;
import io.gridbot.exchange.stream.StreamHealthEvent;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.okx.fake.FakeInstrument;
import io.gridbot.exchange.okx.fake.FakeOkx;
import io.gridbot.exchange.okx.sign.OkxCredentials;
import io.gridbot.exchange.okx.wire.ContractSize;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No log line and no exception message names the key, the secret, the passphrase or a signature, over a run full
 * of refusals and failures, every line captured at TRACE.
 */
class OkxSecretsTest {

    @Test
    void noSecretReachesALogLineOrAnError() throws ExchangeException {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        root.addAppender(lines);
        root.setLevel(Level.TRACE);
        List<String> messages = new ArrayList<>();
        try (FakeOkx fake = FakeOkx.start(FakeInstrument.BTC_USDT_SWAP, new BigDecimal("64000")).freezeClock()) {
            OkxRest okx = fake.connect(fake.settings(), messages::add);
            okx.client().syncTime();
            ContractSize size = okx.instruments().rules("BTC-USDT-SWAP").contracts();
            OrderRequest order = OrderRequest.limit("gbX1", "BTC-USDT-SWAP", Side.BUY, new BigDecimal("63000"),
                    new BigDecimal("0.01"), TimeInForce.GTC, false, PositionSide.BOTH);
            okx.orders().place(order, size);
            fake.skewClock(40_000);
            okx.account().balance();
            attempt(messages, () -> okx.orders().place(order, size));
            fake.faults().refuseNextRequest(429, "50011", "Too Many Requests");
            attempt(messages, () -> okx.account().positions("BTC-USDT-SWAP"));
            fake.faults().answerNextCreate(500, "50026", "System error. Try again later", true);
            attempt(messages, () -> okx.orders().place(OrderRequest.limit("gbX2", "BTC-USDT-SWAP", Side.BUY,
                    new BigDecimal("62000"), new BigDecimal("0.01"), TimeInForce.GTC, false, PositionSide.BOTH), size));
            OkxCredentials wrong = new OkxCredentials(FakeOkx.CREDENTIALS.apiKey(), "BADSECRET1111111111111111",
                    "badPhrase99");
            OkxRest other = fake.connect(new OkxSettings(fake.restUrl(), wrong, true, fake.settings().connectTimeout(),
                    fake.settings().requestTimeout(), 0.9), messages::add);
            attempt(messages, () -> other.account().balance());
            OkxRest secretOnly = fake.connect(new OkxSettings(fake.restUrl(), new OkxCredentials(FakeOkx.CREDENTIALS.apiKey(),
                    "BADSECRET1111111111111111", FakeOkx.CREDENTIALS.passphrase()), true, fake.settings().connectTimeout(),
                    fake.settings().requestTimeout(), 0.9), messages::add);
            attempt(messages, () -> secretOnly.account().balance());

            assertThat(fake.badSignatures()).isPositive();
            List<String> secrets = new ArrayList<>(List.of(FakeOkx.CREDENTIALS.apiKey(), FakeOkx.CREDENTIALS.secret(),
                    FakeOkx.CREDENTIALS.passphrase(), wrong.secret(), wrong.passphrase()));
            secrets.addAll(fake.signaturesSeen());
            lines.list.forEach(e -> messages.add(e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())));
            assertThat(messages).isNotEmpty();
            for (String message : messages) {
                for (String secret : secrets) {
                    assertThat(message).doesNotContain(secret);
                }
            }
        } finally {
            root.detachAppender(lines);
            root.setLevel(before);
        }
    }

    @Test
    void noSecretReachesALogLineOverTheStreamsLoginsAndReconnects() throws ExchangeException {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        root.addAppender(lines);
        root.setLevel(Level.TRACE);
        OkxCredentials wrong = new OkxCredentials(FakeOkx.CREDENTIALS.apiKey(), "BADSECRET2222222222222222", "badPhrase77");
        try (FakeOkx fake = FakeOkx.start(FakeInstrument.BTC_USDT_SWAP, new BigDecimal("64000"));
                OkxAdapter okx = OkxAdapter.open(fake.settings(), fake.streamSettings(), fake.clientClock(),
                        fake.clientPause())) {
            List<StreamHealthEvent> health = new CopyOnWriteArrayList<>();
            okx.watchHealth(health::add);
            okx.watchOrders(o -> { });
            okx.watchAccount(a -> { });
            okx.createOrder(OrderRequest.limit("gbX3", "BTC-USDT-SWAP", Side.BUY, new BigDecimal("63000"),
                    new BigDecimal("0.01"), TimeInForce.GTC, false, PositionSide.BOTH));
            fake.dropStreams();
            Await.until("reconnected", () -> health.stream().anyMatch(h -> h.state() == StreamState.CONNECTED));
            try (OkxStreams refused = new OkxStreams(fake.streamSettings(), new OkHttpClient(), wrong,
                    new ServerClock(System::currentTimeMillis), id -> okx.okxRules(id).contracts())) {
                List<StreamHealthEvent> lost = new CopyOnWriteArrayList<>();
                refused.watchHealth(lost::add);
                refused.watchAccount(a -> { });
                Await.until("the wrong login lost", () -> lost.stream().anyMatch(h -> h.state() == StreamState.DISCONNECTED));
            }
            List<String> secrets = new ArrayList<>(List.of(FakeOkx.CREDENTIALS.apiKey(), FakeOkx.CREDENTIALS.secret(),
                    FakeOkx.CREDENTIALS.passphrase(), wrong.secret(), wrong.passphrase()));
            secrets.addAll(fake.loginSignaturesSeen());
            assertThat(fake.loginSignaturesSeen()).hasSizeGreaterThanOrEqualTo(5); // two sockets twice, one refused
            List<String> messages = new ArrayList<>();
            lines.list.forEach(e -> messages.add(e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())));
            health.forEach(h -> messages.add(h.reason()));
            assertThat(messages).anyMatch(m -> m.contains("60009"));
            for (String message : messages) {
                for (String secret : secrets) {
                    assertThat(message).doesNotContain(secret);
                }
            }
        } finally {
            root.detachAppender(lines);
            root.setLevel(before);
        }
    }

    private interface Call {
        void run() throws ExchangeException;
    }

    private static void attempt(List<String> messages, Call call) {
        try {
            call.run();
        } catch (ExchangeException e) {
            messages.add(e.getMessage());
        }
    }
}
