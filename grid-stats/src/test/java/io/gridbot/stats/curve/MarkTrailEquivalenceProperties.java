package io.gridbot.stats.curve;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.stats.ledger.FundingPayment;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The trail keeps exactly the marks, equities and positions, to the scale, that it kept when every mark was an
 * object booked through the ledger ({@link ReferenceMarkTrail}): both are fed the same marks, fills and payments
 * and must answer alike after every call and whenever the kept marks are asked for mid-run.
 */
class MarkTrailEquivalenceProperties {

    private static final long[] STEPS = {0, 0, 0, 0, 1, 1, 1, 2, 15_000, -1};
    private static final BigDecimal[] QTYS = {new BigDecimal("0.001"), new BigDecimal("0.0020"),
        new BigDecimal("0.007"), new BigDecimal("0.5"), BigDecimal.ONE, new BigDecimal("3E-3")};
    private static final BigDecimal[] FEES = {BigDecimal.ZERO, new BigDecimal("0.001"), new BigDecimal("0.0001234"),
        null};
    private static final BigDecimal[] FUNDING = {new BigDecimal("-0.003"), new BigDecimal("0.01"), BigDecimal.ZERO,
        new BigDecimal("-1.25"), new BigDecimal("2E+1")};

    /** Both trails, fed alike. */
    private static final class Both {
        final MarkTrail trail = new MarkTrail(PositionMode.ONE_WAY);
        final ReferenceMarkTrail reference = new ReferenceMarkTrail();
        private int fills;

        void mark(long atMs, BigDecimal price) {
            trail.mark(atMs, price);
            reference.mark(atMs, price);
            agreeOnCounts();
        }

        void fill(long atMs, Side side, BigDecimal price, BigDecimal qty, BigDecimal fee) {
            int n = fills++;
            Fill f = new Fill(atMs, "o" + n, "x" + n, "t" + n, ClientOrderId.Kind.ENTRY, side, 0, price, qty, fee,
                    "USDT", BigDecimal.ZERO);
            trail.fill(f);
            reference.fill(f);
            agreeOnCounts();
        }

        void funding(long atMs, BigDecimal amount) {
            FundingPayment p = new FundingPayment(atMs, amount);
            trail.funding(p);
            reference.funding(p);
            agreeOnCounts();
        }

        void agreeOnCounts() {
            assertThat(trail.latestMs()).isEqualTo(reference.latestMs());
            assertThat(trail.marksSeen()).isEqualTo(reference.marksSeen());
        }

        void agree() {
            assertThat(trail.kept()).isEqualTo(reference.kept());
            assertThat(trail.marks()).isEqualTo(reference.marks());
            agreeOnCounts();
        }
    }

    /**
     * 90.0 to 96.0 in tenths, written with 1, 3, 2 decimals or none to spare (90.0 becomes 9E+1), or finer: a few
     * hundredths, thousandths or ten-thousandths off the tenth, so a finer price can come after coarser ones.
     */
    private static BigDecimal price(int level, int variant) {
        BigDecimal p = BigDecimal.valueOf(900 + Math.floorMod(level, 61), 1);
        return switch (variant % 7) {
            case 0 -> p;
            case 1 -> p.setScale(3);
            case 2 -> p.stripTrailingZeros();
            case 3 -> p.setScale(2);
            case 4 -> p.add(BigDecimal.valueOf(variant % 10 - 5, 2));
            case 5 -> p.add(BigDecimal.valueOf(variant % 10 - 5, 3));
            default -> p.add(BigDecimal.valueOf(variant % 10 - 5, 4));
        };
    }

    /**
     * Each step one call: a mark walking up or down a few tenths (rarely without a price), a fill at the latest
     * price, a funding payment, or a look at the kept marks; time moves on by 0, 1, 2 or 15000 ms, or back by one.
     */
    @Property(tries = 1000)
    void answersAsTheReferenceAfterAnyCalls(
            @ForAll @Size(max = 600) List<@IntRange(min = 0, max = 999_999) Integer> steps) {
        Both both = new Both();
        long t = 0;
        int level = 20;
        int variant = 0;
        for (int r : steps) {
            int kind = r % 100;
            int a = r / 100 % 100;
            t += STEPS[r / 10_000 % 10];
            if (kind < 64) {
                level += a % 5 - 2;
                variant = a % 9 < 6 ? variant : a;
                both.mark(t, price(level, variant));
            } else if (kind == 64) {
                both.mark(t, null);
            } else if (kind < 80) {
                both.fill(t, a % 2 == 0 ? Side.BUY : Side.SELL, price(level, a / 2), QTYS[a / 2 % QTYS.length],
                        FEES[a / 12 % FEES.length]);
            } else if (kind < 88) {
                both.funding(t, FUNDING[a % FUNDING.length]);
            } else if (kind < 92) {
                both.agree();
            }
        }
        both.agree();
    }

    /**
     * A replay's shape at length: four trades a minute walking a tick at a time around 26000.0, a grid's fills
     * right behind a trade now and then (holding long, short or flat), funding every 2000 trades, a look at the
     * kept marks every 5000, and in half the runs hundredths from some trade on.
     */
    @Property(tries = 40)
    void answersAsTheReferenceOverALongReplay(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Both both = new Both();
        long t = 0;
        long ticks = 260_000;
        int fillEvery = 20 + random.nextInt(300);
        int finerFrom = random.nextInt(40_000);
        for (int i = 0; i < 20_000; i++) {
            t += 15_000;
            ticks += random.nextInt(3) - 1 + (random.nextInt(50) == 0 ? random.nextInt(41) - 20 : 0);
            BigDecimal price = BigDecimal.valueOf(ticks, 1);
            if (i >= finerFrom) { // a finer tick from here on, the first of it under the bands of coarser ones
                price = price.add(BigDecimal.valueOf(random.nextInt(10), 2));
            }
            both.mark(t, price);
            if (random.nextInt(fillEvery) == 0) {
                both.fill(t, random.nextBoolean() ? Side.BUY : Side.SELL, price,
                        BigDecimal.valueOf(1 + random.nextInt(30), 3), new BigDecimal("0.0104"));
            }
            if (i % 2000 == 1999) {
                both.funding(t + random.nextInt(2) * 15_000, BigDecimal.valueOf(random.nextInt(2001) - 1000, 4));
            }
            if (i % 5000 == 4999) {
                both.agree();
            }
        }
        both.agree();
    }
}
