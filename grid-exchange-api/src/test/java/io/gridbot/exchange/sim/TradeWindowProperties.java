package io.gridbot.exchange.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The trade window answers what the running window it replaced answered (kept here as the reference: monotonic
 * deques for the high and the low, running volume totals per price), to the scale: the same range and the same
 * volume per price, for prices and volumes of mixed scales, volumes unknown or zero, and trades at one time.
 */
class TradeWindowProperties {

    /** A trade {@code gapMs} after the last, or with {@code ask} a question at that time. */
    record Step(int gapMs, long priceTicks, int priceScale, Long qtyUnits, int qtyScale, int ask) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.of(0, 0, 1, 15_000, 15_000, 20_000, 59_999, 60_000, 61_000, 200_000),
                Arbitraries.longs().between(2_599_900, 2_600_100), Arbitraries.integers().between(2, 3),
                Arbitraries.longs().between(0, 500).injectNull(0.2), Arbitraries.integers().between(-1, 5),
                Arbitraries.integers().between(0, 5)).as(Step::new).list().ofMinSize(1).ofMaxSize(200);
    }

    @Property(tries = 500)
    void theWindowAnswersAsTheRunningWindowDid(@ForAll boolean volumes, @ForAll("steps") List<Step> steps) {
        TradeWindow window = new TradeWindow(volumes);
        RunningWindow reference = new RunningWindow(volumes);
        long now = 0;
        for (Step s : steps) {
            now += s.gapMs();
            switch (s.ask()) {
                case 0 -> assertThat(window.range(now)).isEqualTo(reference.range(now));
                case 1 -> assertThat(window.volumePerPrice(now)).isEqualTo(reference.volumePerPrice(now));
                default -> {
                    // Ticks of 0.01 written with two or three decimals: 26000.00 and 26000.000 are one price.
                    BigDecimal price = BigDecimal.valueOf(s.priceTicks(), 2).setScale(s.priceScale());
                    BigDecimal qty = s.qtyUnits() == null ? null : BigDecimal.valueOf(s.qtyUnits(), s.qtyScale());
                    window.add(now, price, qty);
                    reference.add(now, price, qty);
                }
            }
        }
        assertThat(window.range(now)).isEqualTo(reference.range(now));
        assertThat(window.volumePerPrice(now)).isEqualTo(reference.volumePerPrice(now));
    }

    /** The window as it was before it kept its trades in rings and answered when asked. */
    private static final class RunningWindow {

        private record Mark(long atMs, BigDecimal price) {
        }

        private record Volume(long atMs, BigDecimal priceKey, BigDecimal qty) {
        }

        private final boolean volumes;
        private final ArrayDeque<Mark> highs = new ArrayDeque<>();
        private final ArrayDeque<Mark> lows = new ArrayDeque<>();
        private final ArrayDeque<Volume> trades = new ArrayDeque<>();
        private final Map<BigDecimal, BigDecimal> volumeAt = new HashMap<>();
        private BigDecimal volume = BigDecimal.ZERO;

        RunningWindow(boolean volumes) {
            this.volumes = volumes;
        }

        void add(long atMs, BigDecimal price, BigDecimal qty) {
            Mark m = new Mark(atMs, price);
            while (!highs.isEmpty() && highs.peekLast().price().compareTo(price) <= 0) {
                highs.pollLast();
            }
            highs.addLast(m);
            while (!lows.isEmpty() && lows.peekLast().price().compareTo(price) >= 0) {
                lows.pollLast();
            }
            lows.addLast(m);
            if (volumes && qty != null && qty.signum() > 0) {
                BigDecimal key = price.stripTrailingZeros();
                trades.addLast(new Volume(atMs, key, qty));
                volumeAt.merge(key, qty, BigDecimal::add);
                volume = volume.add(qty);
            }
            expire(atMs);
        }

        BigDecimal range(long nowMs) {
            expire(nowMs);
            return highs.isEmpty() ? BigDecimal.ZERO : highs.peekFirst().price().subtract(lows.peekFirst().price());
        }

        BigDecimal volumePerPrice(long nowMs) {
            expire(nowMs);
            return volumeAt.isEmpty() ? BigDecimal.ZERO
                    : volume.divide(BigDecimal.valueOf(volumeAt.size()), MathContext.DECIMAL64);
        }

        private void expire(long nowMs) {
            long oldest = nowMs - TradeWindow.SPAN_MS;
            while (!highs.isEmpty() && highs.peekFirst().atMs() <= oldest) {
                highs.pollFirst();
            }
            while (!lows.isEmpty() && lows.peekFirst().atMs() <= oldest) {
                lows.pollFirst();
            }
            while (!trades.isEmpty() && trades.peekFirst().atMs() <= oldest) {
                Volume v = trades.pollFirst();
                volume = volume.subtract(v.qty());
                volumeAt.computeIfPresent(v.priceKey(), (k, sum) -> {
                    BigDecimal rest = sum.subtract(v.qty());
                    return rest.signum() == 0 ? null : rest;
                });
            }
        }
    }
}
