package io.gridbot.stats.curve;

import io.gridbot.core.order.Fill;
import io.gridbot.stats.ledger.FundingPayment;
import io.gridbot.stats.ledger.PositionBook;
import io.gridbot.stats.ledger.PricePoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trail as it was before marks were kept without an object each, with the equity ledger it booked through
 * then: the reference {@link MarkTrailEquivalenceProperties} holds the faster {@link MarkTrail} to. Do not
 * optimise it; its worth is that it is plainly the old behaviour.
 */
final class ReferenceMarkTrail {

    /** The ledger's booking as it was: realized − fees + funding, plus the position at the latest price. */
    private static final class Ledger {
        private final PositionBook book = new PositionBook();
        private BigDecimal realized = BigDecimal.ZERO;
        private BigDecimal fees = BigDecimal.ZERO;
        private BigDecimal funding = BigDecimal.ZERO;
        private BigDecimal cash = BigDecimal.ZERO;
        private BigDecimal mark;

        void fill(Fill fill) {
            BigDecimal r = book.apply(fill.side(), fill.price(), fill.qty());
            realized = realized.add(r);
            fees = fees.add(fill.fee() == null ? BigDecimal.ZERO : fill.fee());
            cash = realized.subtract(fees).add(funding);
            mark = fill.price();
        }

        void funding(BigDecimal amount) {
            funding = funding.add(amount);
            cash = realized.subtract(fees).add(funding);
        }

        void mark(BigDecimal price) {
            mark = price;
        }

        BigDecimal equity() {
            return cash.add(book.qty().signum() == 0 || mark == null ? BigDecimal.ZERO
                    : mark.subtract(book.avgPrice()).multiply(book.qty()));
        }

        BigDecimal position() {
            return book.qty();
        }
    }

    private final Ledger ledger = new Ledger();
    private final List<PricePoint> pending = new ArrayList<>();
    private final List<FundingPayment> pendingFunding = new ArrayList<>();
    private final Map<Long, MarkTrail.Kept> anchors = new TreeMap<>();
    private long pendingMs;
    private long seq;
    private long latestMs = Long.MIN_VALUE;
    private long seen;
    private Sequenced first;
    private Sequenced last;
    private boolean lastIsNewest;
    private BigDecimal peak = BigDecimal.ZERO;
    private Sequenced peakMark;
    private BigDecimal maxDrawdown = BigDecimal.ZERO;
    private Sequenced drawdownPeak;
    private Sequenced drawdownTrough;

    private record Sequenced(long seq, MarkTrail.Kept kept) {
    }

    void mark(long atMs, BigDecimal price) {
        if (hasPending() && atMs != pendingMs) {
            place();
        }
        pendingMs = atMs;
        pending.add(new PricePoint(atMs, price));
        latestMs = Math.max(latestMs, atMs);
        seen++;
    }

    void fill(Fill fill) {
        placeBefore(fill.atMs());
        ledger.fill(fill);
        latestMs = Math.max(latestMs, fill.atMs());
        lastIsNewest = false;
        measure(ledger.equity(), null);
    }

    void funding(FundingPayment payment) {
        if (hasPending() && payment.atMs() != pendingMs) {
            place();
        }
        pendingMs = payment.atMs();
        pendingFunding.add(payment);
        latestMs = Math.max(latestMs, payment.atMs());
    }

    long latestMs() {
        return latestMs;
    }

    long marksSeen() {
        return seen;
    }

    List<MarkTrail.Kept> kept() {
        place();
        Map<Long, MarkTrail.Kept> all = new TreeMap<>(anchors);
        for (Sequenced s : new Sequenced[] {first, peakMark, drawdownPeak, drawdownTrough, last}) {
            if (s != null) {
                all.put(s.seq(), s.kept());
            }
        }
        return List.copyOf(all.values());
    }

    List<PricePoint> marks() {
        return kept().stream().map(MarkTrail.Kept::mark).sorted(Comparator.comparingLong(PricePoint::atMs)).toList();
    }

    private boolean hasPending() {
        return !pending.isEmpty() || !pendingFunding.isEmpty();
    }

    private void placeBefore(long atMs) {
        if (hasPending() && pendingMs < atMs) {
            place();
        }
    }

    private void place() {
        for (FundingPayment payment : pendingFunding) {
            if (lastIsNewest) {
                anchors.put(last.seq(), last.kept());
            }
            ledger.funding(payment.amount());
            lastIsNewest = false;
            measure(ledger.equity(), null);
        }
        pendingFunding.clear();
        for (PricePoint p : pending) {
            ledger.mark(p.price());
            Sequenced s = new Sequenced(seq++, new MarkTrail.Kept(p, ledger.equity(), ledger.position()));
            if (first == null) {
                first = s;
            }
            last = s;
            lastIsNewest = true;
            measure(s.kept().equity(), s);
        }
        pending.clear();
    }

    private void measure(BigDecimal equity, Sequenced mark) {
        if (equity.compareTo(peak) > 0) {
            peak = equity;
            peakMark = mark;
        } else if (peak.subtract(equity).compareTo(maxDrawdown) > 0) {
            maxDrawdown = peak.subtract(equity);
            drawdownPeak = peakMark;
            drawdownTrough = mark;
        }
    }
}
