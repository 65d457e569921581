package io.gridbot.runner.metrics;

import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.runner.engine.VenueCallWatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * One grid's venue calls as meters: each create timed from the moment it goes out until the venue's answer
 * ({@value MeterNames#ORDER_ACK}, by outcome), every refusal counted by kind ({@value MeterNames#REFUSALS}) and
 * rate-limit refusals on their own ({@value MeterNames#RATE_LIMIT_HITS}); and the streams' health, for
 * {@code /health}. The meters live as long as the daemon: a grid hosted again counts on.
 */
final class VenueMeters implements VenueCallWatch {

    /** The histogram's bucket bounds ({@code le} of {@code gridbot_order_ack_seconds_bucket}). */
    static final Duration[] ACK_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2_500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final Tags tags;
    private final Map<Outcome, Timer> acks = new EnumMap<>(Outcome.class);
    private final Counter rateLimitHits;
    private volatile StreamLog stream;

    VenueMeters(MeterRegistry registry, Tags tags, long hostedAtMs) {
        this.registry = registry;
        this.tags = tags;
        for (Outcome outcome : Outcome.values()) {
            // A few fixed buckets, not Micrometer's seventy: a daemon may host a thousand grids. Every outcome has
            // them: meters of one name must all be histograms for the Prometheus registry.
            acks.put(outcome, Timer.builder(MeterNames.ORDER_ACK)
                    .description("Time from sending a create until the venue's answer")
                    .tags(tags).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .serviceLevelObjectives(ACK_BUCKETS).register(registry));
        }
        this.rateLimitHits = Counter.builder(MeterNames.RATE_LIMIT_HITS)
                .description("Venue calls refused for a rate limit").tags(tags).register(registry);
        this.stream = new StreamLog(hostedAtMs);
    }

    /** The grid is hosted anew at {@code atMs}: its streams are subscribed afresh. */
    void rehosted(long atMs) {
        stream = new StreamLog(atMs);
    }

    StreamLog stream() {
        return stream;
    }

    @Override
    public Placing placing() {
        Timer.Sample sample = Timer.start(registry);
        return outcome -> sample.stop(acks.get(outcome));
    }

    @Override
    public void refused(ExchangeErrorKind kind) {
        Counter.builder(MeterNames.REFUSALS).description("Venue calls refused, by the kind of error")
                .tags(tags).tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(registry).increment();
        if (kind == ExchangeErrorKind.RATE_LIMITED) {
            rateLimitHits.increment();
        }
    }

    @Override
    public void streamHealth(StreamState state, long atMs) {
        stream.heard(state, atMs);
    }
}
