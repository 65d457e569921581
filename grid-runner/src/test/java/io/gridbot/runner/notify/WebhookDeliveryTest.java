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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A webhook notifier against a local fake receiver: the body, the signature, retries, backoff and giving up. */
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FakeReceiver receiver = new FakeReceiver();
    private final TestDelivery test = new TestDelivery();

    WebhookDeliveryTest() throws Exception {
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    private Notifier hook(Optional<String> secret) {
        return new Notifier("ops", NotifierKind.WEBHOOK, receiver.uri("/hooks/ops").toString(), secret, Set.of(), true);
    }

    private Delivery send(Backoff backoff) throws InterruptedException {
        return Notifications.sendNow(hook(Optional.empty()), TestDelivery.alert(AlertKind.STOP_LOSS, "stop-loss closed"),
                test.settings(backoff, URI.create("http://unused.invalid")));
    }

    @Test
    void theAlertIsPostedAsOneJsonObjectWithEveryField() throws Exception {
        Delivery d = send(Backoff.DEFAULT);

        assertThat(d.result()).isEqualTo(Delivery.Result.DELIVERED);
        assertThat(d.answer()).isEqualTo("HTTP 200: ok");
        FakeReceiver.Request r = receiver.next(WAIT);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/hooks/ops");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertThat(body.properties()).extracting(Map.Entry::getKey)
                .containsExactly("grid", "exchange", "symbol", "kind", "message", "at", "daemon");
        assertThat(body.get("grid").asText()).isEqualTo("btc-short");
        assertThat(body.get("exchange").asText()).isEqualTo("simulated");
        assertThat(body.get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(body.get("kind").asText()).isEqualTo("STOP_LOSS");
        assertThat(body.get("message").asText()).isEqualTo("stop-loss closed");
        assertThat(body.get("at").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(body.get("daemon").asText()).isEqualTo("host-1:42");
        assertThat(r.header(WebhookReceiver.SIGNATURE)).as("nothing signed without a secret").isNull();
    }

    @Test
    void withASharedSecretTheBodyIsSignedWithHmacSha256() throws Exception {
        Notifications.sendNow(hook(Optional.of("s3cret-signing-key")), TestDelivery.alert(AlertKind.SAFE_MODE, "safe"),
                test.settings(Backoff.DEFAULT, URI.create("http://unused.invalid")));

        FakeReceiver.Request r = receiver.next(WAIT);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret-signing-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(r.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(r.header(WebhookReceiver.SIGNATURE)).isEqualTo("sha256=" + expected);
        assertThat(r.body()).doesNotContain("s3cret");
    }

    @Test
    void after500sTheWebhookIsTriedAgainWithGrowingJitteredWaitsUntilItTakesTheAlert() throws Exception {
        receiver.answer(Reply.of(500, "boom"), Reply.of(502, "bad gateway"), Reply.of(503, ""));

        Delivery d = send(new Backoff(6, 1_000, 60_000));

        assertThat(d.result()).isEqualTo(Delivery.Result.DELIVERED);
        assertThat(d.attempts()).isEqualTo(4);
        String first = receiver.next(WAIT).body();
        for (int i = 0; i < 3; i++) {
            assertThat(receiver.next(WAIT).body()).as("the same alert each time").isEqualTo(first);
        }
        assertThat(test.waits).hasSize(3);
        assertThat(test.waits.get(0)).isBetween(500L, 1_000L);
        assertThat(test.waits.get(1)).isBetween(1_000L, 2_000L);
        assertThat(test.waits.get(2)).isBetween(2_000L, 4_000L);
    }

    @Test
    void afterTheLastAttemptItGivesUpWithALogLine() throws Exception {
        receiver.answer(Reply.of(500, "down"), Reply.of(500, "down"), Reply.of(500, "down"), Reply.of(200, "late"));
        try (CapturedLogs logs = new CapturedLogs()) {
            Delivery d = send(new Backoff(3, 100, 150));

            assertThat(d.result()).isEqualTo(Delivery.Result.GAVE_UP);
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.answer()).isEqualTo("HTTP 500: down");
            assertThat(test.waits).hasSize(2).allMatch(w -> w >= 50 && w <= 150);
            assertThat(logs.lines()).anyMatch(l -> l.startsWith("ERROR notifier ops: gave up on the STOP_LOSS alert"
                    + " of grid btc-short after 3 attempts (last: HTTP 500: down)"));
        }
        for (int i = 0; i < 3; i++) {
            receiver.next(WAIT);
        }
        assertThat(receiver.pending()).as("no fourth attempt").isZero();
    }

    @Test
    void aRefusalOtherThan429IsNotTriedAgain() throws Exception {
        receiver.answer(Reply.of(404, "no such hook"));

        Delivery d = send(Backoff.DEFAULT);

        assertThat(d.result()).isEqualTo(Delivery.Result.REFUSED);
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.answer()).isEqualTo("HTTP 404: no such hook");
        assertThat(test.waits).isEmpty();
    }

    @Test
    void a429IsTriedAgainAfterTheWaitItsRetryAfterAsksFor() throws Exception {
        receiver.answer(new Reply(429, Map.of("Retry-After", "7"), "slow down"),
                new Reply(503, Map.of("Retry-After", "Tue, 14 Nov 2023 22:13:23 GMT"), ""));

        Delivery d = send(new Backoff(5, 100, 60_000));

        assertThat(d.result()).isEqualTo(Delivery.Result.DELIVERED);
        assertThat(test.waits).as("7 s, then until the date, 3 s after the clock's now").containsExactly(7_000L, 3_000L);
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsTriedAgainThenGivenUp() throws Exception {
        receiver.hold();
        DeliverySettings quick = new DeliverySettings(Duration.ofSeconds(2), Duration.ofMillis(300), new Backoff(2, 10, 20),
                3, URI.create("http://unused.invalid"), () -> TestDelivery.NOW, test.waits::add,
                java.util.random.RandomGenerator.of("L64X128MixRandom"));

        Delivery d = Notifications.sendNow(hook(Optional.empty()), TestDelivery.alert(AlertKind.STOP_LOSS, "x"), quick);

        assertThat(d.result()).isEqualTo(Delivery.Result.GAVE_UP);
        assertThat(d.attempts()).isEqualTo(2);
        assertThat(d.answer()).contains("HttpTimeoutException");
        receiver.next(WAIT);
        receiver.next(WAIT);
        assertThat(test.waits).hasSize(1);
    }

    @Test
    void aReceiverThatCannotBeReachedIsTriedAgainThenGivenUp() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Notifier nowhere = new Notifier("ops", NotifierKind.WEBHOOK, "http://127.0.0.1:" + closedPort + "/h",
                Optional.empty(), Set.of(), true);

        Delivery d = Notifications.sendNow(nowhere, TestDelivery.alert(AlertKind.STOP_LOSS, "x"),
                test.settings(new Backoff(3, 10, 20), URI.create("http://unused.invalid")));

        assertThat(d.result()).isEqualTo(Delivery.Result.GAVE_UP);
        assertThat(d.answer()).contains("ConnectException");
        assertThat(test.waits).hasSize(2);
    }
}
