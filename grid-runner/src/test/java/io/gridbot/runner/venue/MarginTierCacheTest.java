package io.gridbot.runner.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.preview.MarginTable;
import io.gridbot.core.preview.MarginTier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The venues' brackets are asked once an hour per symbol, and a venue that gave none again after a minute. */
class MarginTierCacheTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<String> asked = new ArrayList<>();
    private Optional<MarginTable> answer = Optional.of(new MarginTable(List.of(new MarginTier(BigDecimal.ZERO, null,
            new BigDecimal("0.005"), BigDecimal.ZERO)), "a venue's risk limits"));
    private final MarginTierCache cache = new MarginTierCache(now::get, (exchange, symbol) -> {
        asked.add(exchange + " " + symbol);
        return answer;
    });

    @Test
    void aPublishedTableIsKeptAnHourPerVenueAndSymbol() {
        assertThat(cache.tiers("bybit", "ETHUSDT")).isEqualTo(answer);
        now.addAndGet(MarginTierCache.KEPT_MS - 1);
        assertThat(cache.tiers("bybit", "ETHUSDT")).isEqualTo(answer);
        assertThat(cache.tiers("bybit", "BTCUSDT")).isEqualTo(answer);
        assertThat(asked).containsExactly("bybit ETHUSDT", "bybit BTCUSDT");

        now.addAndGet(1);
        cache.tiers("bybit", "ETHUSDT");
        assertThat(asked).containsExactly("bybit ETHUSDT", "bybit BTCUSDT", "bybit ETHUSDT");
    }

    @Test
    void aVenueThatGaveNoneIsAskedAgainAfterAMinuteOnly() {
        answer = Optional.empty();
        assertThat(cache.tiers("bybit", "ETHUSDT")).isEmpty();
        now.addAndGet(MarginTierCache.RETRY_MS - 1);
        assertThat(cache.tiers("bybit", "ETHUSDT")).isEmpty();
        assertThat(asked).hasSize(1);

        now.addAndGet(1);
        answer = Optional.of(new MarginTable(List.of(new MarginTier(BigDecimal.ZERO, null, new BigDecimal("0.01"),
                BigDecimal.ZERO)), "reachable again"));
        assertThat(cache.tiers("bybit", "ETHUSDT")).isEqualTo(answer);
        assertThat(asked).hasSize(2);
    }
}
