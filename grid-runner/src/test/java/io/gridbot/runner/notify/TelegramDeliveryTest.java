package io.gridbot.runner.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.core.command.GridCommand.AlertKind;
import io.gridbot.persistence.notify.Notifier;
import io.gridbot.persistence.notify.NotifierKind;
import io.gridbot.runner.testing.CapturedLogs;
import io.gridbot.runner.testing.FakeReceiver;
import io.gridbot.runner.testing.FakeReceiver.Reply;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A Telegram notifier against a local fake of the Bot API; the bot token never reaches a log line or an answer. */
class TelegramDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TOKEN = "7012345678:AAFsecret-bot-token_0123456789abcdef";

    private final FakeReceiver api = new FakeReceiver();
    private final TestDelivery test = new TestDelivery();

    TelegramDeliveryTest() throws Exception {
    }

    @AfterEach
    void close() {
        api.close();
    }

    private static Notifier chat() {
        return new Notifier("phone", NotifierKind.TELEGRAM, "-1001234567", Optional.of(TOKEN), Set.of(), true);
    }

    private Delivery send(URI base, Backoff backoff) throws InterruptedException {
        return Notifications.sendNow(chat(), TestDelivery.alert(AlertKind.STOP_LOSS, "btc-short: stop-loss closed the grid"),
                test.settings(backoff, base));
    }

    @Test
    void theBotApiReceivesTheChatIdAndTextWithTheTokenInThePath() throws Exception {
        api.answer(Reply.of(200, "{\"ok\":true,\"result\":{\"message_id\":7,\"chat\":{\"id\":-1001234567},\"text\":\"...\"}}"));

        Delivery d = send(api.uri(""), Backoff.DEFAULT);

        assertThat(d.result()).isEqualTo(Delivery.Result.DELIVERED);
        assertThat(d.answer()).isEqualTo("HTTP 200: ok");
        FakeReceiver.Request r = api.next(WAIT);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/bot" + TOKEN + "/sendMessage");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertThat(body.get("chat_id").asText()).isEqualTo("-1001234567");
        assertThat(body.get("text").asText()).contains("STOP_LOSS", "btc-short", "simulated BTCUSDT",
                "btc-short: stop-loss closed the grid", "2023-11-14T22:13:20Z", "host-1:42");
        assertThat(r.body()).doesNotContain(TOKEN);
    }

    @Test
    void theEnvironmentPointsTheLiveSettingsAtAnotherBotApi() throws Exception {
        DeliverySettings live = DeliverySettings.live(Map.of(TelegramReceiver.BASE_ENV, api.uri("").toString()));

        Delivery d = Notifications.sendNow(chat(), TestDelivery.alert(AlertKind.SAFE_MODE, "safe"), live);

        assertThat(d.delivered()).isTrue();
        assertThat(api.next(WAIT).path()).isEqualTo("/bot" + TOKEN + "/sendMessage");
        assertThat(DeliverySettings.live(Map.of()).telegramBase()).hasToString("https://api.telegram.org");
    }

    @Test
    void aBaseWithATrailingSlashReachesTheSamePath() throws Exception {
        send(api.uri("/"), Backoff.DEFAULT);

        assertThat(api.next(WAIT).path()).isEqualTo("/bot" + TOKEN + "/sendMessage");
    }

    @Test
    void aTooManyRequestsAnswerIsHonouredByItsRetryAfterParameter() throws Exception {
        api.answer(Reply.of(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 4\","
                + "\"parameters\":{\"retry_after\":4}}"));

        Delivery d = send(api.uri(""), new Backoff(3, 100, 60_000));

        assertThat(d.result()).isEqualTo(Delivery.Result.DELIVERED);
        assertThat(test.waits).containsExactly(4_000L);
    }

    @Test
    void theTokenNeverReachesALogLineNorAnAnswerWhateverTheApiSays() throws Exception {
        String echo = "{\"ok\":false,\"error_code\":%d,\"description\":\"%s: /bot" + TOKEN + "/sendMessage\"}";
        api.answer(Reply.of(500, String.format(echo, 500, "Internal error at")),
                new Reply(502, Map.of("X-Path", "/bot" + TOKEN), "bad gateway for /bot" + TOKEN + "/sendMessage"),
                Reply.of(401, String.format(echo, 401, "Unauthorized")));
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (CapturedLogs logs = new CapturedLogs()) {
            Delivery refused = send(api.uri(""), new Backoff(5, 10, 20));
            Delivery unreachable = send(URI.create("http://127.0.0.1:" + closedPort), new Backoff(2, 10, 20));

            assertThat(refused.result()).isEqualTo(Delivery.Result.REFUSED);
            assertThat(refused.attempts()).isEqualTo(3);
            assertThat(refused.answer()).isEqualTo("HTTP 401: Unauthorized: /bot***/sendMessage");
            assertThat(unreachable.result()).isEqualTo(Delivery.Result.GAVE_UP);
            assertThat(refused + " " + unreachable).doesNotContain(TOKEN).doesNotContain("AAFsecret");
            assertThat(logs.lines()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(logs.text()).doesNotContain(TOKEN).doesNotContain("AAFsecret");
        }
    }
}
