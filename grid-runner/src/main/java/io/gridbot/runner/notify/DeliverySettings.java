package io.gridbot.runner.notify;

import io.gridbot.persistence.notify.Notifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * How alerts are delivered: the timeouts of one attempt, the retries, each notifier's queue, where the Telegram
 * Bot API is, and the clock, pause and randomness the retries use (tests pass their own, and never sleep).
 *
 * @param connectTimeout how long connecting to a receiver may take
 * @param answerTimeout  how long one attempt may wait for the receiver's answer
 * @param backoff        how often and how far apart failed deliveries are tried again
 * @param queueCapacity  how many alerts wait per notifier before the oldest is dropped
 * @param telegramBase   the Bot API's address
 * @param clock          the time {@code Retry-After} dates are read against
 * @param pause          the wait between two attempts
 * @param random         the jitter of the waits
 */
public record DeliverySettings(Duration connectTimeout, Duration answerTimeout, Backoff backoff, int queueCapacity,
        URI telegramBase, LongSupplier clock, Pause pause, RandomGenerator random) {

    /** How many alerts wait per notifier by default. */
    public static final int QUEUE = 100;

    /**
     * Live settings: 5 s to connect, 10 s for an answer, {@link Backoff#DEFAULT}, {@value #QUEUE} alerts per
     * notifier, the Bot API at {@code GRIDBOT_TELEGRAM_API} or else Telegram's own, the system clock, real sleeps.
     */
    public static DeliverySettings live(Map<String, String> env) {
        String base = env.getOrDefault(TelegramReceiver.BASE_ENV, "");
        return new DeliverySettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Backoff.DEFAULT, QUEUE,
                URI.create(base.isBlank() ? TelegramReceiver.DEFAULT_BASE : base.trim()), System::currentTimeMillis,
                Pause.SLEEP, RandomGenerator.getDefault());
    }

    /** The same, with another backoff. */
    public DeliverySettings withBackoff(Backoff other) {
        return new DeliverySettings(connectTimeout, answerTimeout, other, queueCapacity, telegramBase, clock, pause, random);
    }

    /** The HTTP client the notifiers share: HTTP/1.1, no redirects followed (a moved receiver is a failure). */
    HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The courier that delivers to {@code notifier} over {@code client}. */
    Courier courier(Notifier notifier, HttpClient client) {
        HttpPost http = new HttpPost(client, answerTimeout, clock);
        Receiver receiver = switch (notifier.kind()) {
            case WEBHOOK -> new WebhookReceiver(URI.create(notifier.target()), notifier.secret(), http);
            case TELEGRAM -> new TelegramReceiver(telegramBase, notifier.target(),
                    notifier.secret().orElseThrow(() -> new IllegalStateException(
                            "notifier " + notifier.name() + " has no bot token")), http);
        };
        return new Courier(notifier.name(), receiver, backoff, pause, random);
    }
}
