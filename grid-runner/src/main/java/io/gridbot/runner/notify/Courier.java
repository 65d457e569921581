package io.gridbot.runner.notify;

import java.io.IOException;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers an alert to one receiver, trying again after a failure that may pass (unreachable, no answer in time,
 * 5xx, 429) with the {@link Backoff}'s jittered exponential waits, a 429's or 503's {@code Retry-After} honoured,
 * until the last attempt, and then gives up with a log line. A 4xx other than 429 is the receiver's refusal of
 * this alert and is not tried again. Log lines name the notifier, never its address or secret.
 */
final class Courier {

    private static final Logger LOG = LoggerFactory.getLogger(Courier.class);

    private final String name;
    private final Receiver receiver;
    private final Backoff backoff;
    private final Pause pause;
    private final RandomGenerator random;

    Courier(String name, Receiver receiver, Backoff backoff, Pause pause, RandomGenerator random) {
        this.name = name;
        this.receiver = receiver;
        this.backoff = backoff;
        this.pause = pause;
        this.random = random;
    }

    /** Delivers {@code alert}, retrying as the backoff allows; interrupted, it stops at once. */
    Delivery deliver(GridAlert alert) throws InterruptedException {
        String what = alert.kind() + " alert of grid " + alert.grid();
        String last = "";
        for (int attempt = 1; attempt <= backoff.attempts(); attempt++) {
            long waitMs;
            try {
                Answer answer = receiver.send(alert);
                last = "HTTP " + answer.status() + (answer.said().isEmpty() ? "" : ": " + answer.said());
                if (answer.ok()) {
                    if (attempt > 1) {
                        LOG.info("notifier {}: {} delivered at attempt {}", name, what, attempt);
                    }
                    return new Delivery(Delivery.Result.DELIVERED, attempt, last);
                }
                if (!answer.retryable()) {
                    LOG.error("notifier {}: the receiver refused the {} ({}); not tried again", name, what, last);
                    return new Delivery(Delivery.Result.REFUSED, attempt, last);
                }
                waitMs = answer.retryAfterMs().isPresent() ? backoff.honoured(answer.retryAfterMs().getAsLong())
                        : backoff.waitAfter(attempt, random);
            } catch (IOException e) {
                last = e.getMessage();
                waitMs = backoff.waitAfter(attempt, random);
            }
            if (attempt == backoff.attempts()) {
                break;
            }
            LOG.warn("notifier {}: attempt {} of {} at the {} failed ({}); next in {} ms", name, attempt,
                    backoff.attempts(), what, last, waitMs);
            pause.pause(waitMs);
        }
        LOG.error("notifier {}: gave up on the {} after {} attempts (last: {})", name, what, backoff.attempts(), last);
        return new Delivery(Delivery.Result.GAVE_UP, backoff.attempts(), last);
    }
}
