package io.gridbot.stats.curve;

import io.gridbot.core.order.Fill;
import io.gridbot.stats.ledger.EquityLedger;
import io.gridbot.stats.ledger.FundingPayment;
import io.gridbot.stats.ledger.PricePoint;
import io.gridbot.stats.ledger.Timeline;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The marks a replay keeps of every trade's price: those the all-time statistics need to come out exactly as
 * from every mark, in a handful of points whatever the length of the series. Fed every mark and every fill and
 * funding payment as they happen, it books them ({@link EquityLedger}) in the {@link Timeline}'s order and keeps
 * <ul>
 *   <li>the first mark and the last (the period's start and the price the position is worth at the end);</li>
 *   <li>the mark of the running equity peak (every later trough is measured from it);</li>
 *   <li>the peak and trough marks of the largest drawdown so far;</li>
 *   <li>the mark a funding payment values the position at.</li>
 * </ul>
 * Equity between two fills moves with the price alone, so no other mark can raise the largest drawdown, the peak
 * or the final equity; positions change only at fills, which the statistics have anyway. Periods shorter than the
 * whole run see the fills and these marks, not every mark.
 */
public final class MarkTrail {

    /**
     * A kept mark with the equity and position it found.
     *
     * @param mark     the price and when it was seen
     * @param equity   realized − fees + funding + unrealized at that mark
     * @param position the signed position then
     */
    public record Kept(PricePoint mark, BigDecimal equity, BigDecimal position) {
    }

    private final EquityLedger ledger = new EquityLedger();
    /**
     * The newest millisecond's funding payments and marks: a fill of that millisecond, still to come, is booked
     * before them, and its payments before its marks, as the statistics order them.
     */
    private final List<PricePoint> pending = new ArrayList<>();
    private final List<FundingPayment> pendingFunding = new ArrayList<>();
    private final Map<Long, Kept> anchors = new TreeMap<>();
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

    private record Sequenced(long seq, Kept kept) {
    }

    /** A trade's price at {@code atMs}. */
    public void mark(long atMs, BigDecimal price) {
        if (hasPending() && atMs != pendingMs) {
            place();
        }
        pendingMs = atMs;
        pending.add(new PricePoint(atMs, price));
        latestMs = Math.max(latestMs, atMs);
        seen++;
    }

    /** A fill: booked before the marks of its own millisecond, as the statistics book it. */
    public void fill(Fill fill) {
        placeBefore(fill.atMs());
        ledger.fill(fill);
        latestMs = Math.max(latestMs, fill.atMs());
        lastIsNewest = false;
        measure(ledger.equity(), null);
    }

    /** A funding payment: the mark it values the position at is kept. */
    public void funding(FundingPayment payment) {
        if (hasPending() && payment.atMs() != pendingMs) {
            place();
        }
        pendingMs = payment.atMs();
        pendingFunding.add(payment);
        latestMs = Math.max(latestMs, payment.atMs());
    }

    /** The latest time seen, of a mark, fill or payment; {@link Long#MIN_VALUE} before the first. */
    public long latestMs() {
        return latestMs;
    }

    /** How many marks were fed. */
    public long marksSeen() {
        return seen;
    }

    /**
     * The kept marks in the order they came, the newest millisecond's included: call it once the run is over (a
     * fill of that millisecond arriving afterwards would be booked after them).
     */
    public List<Kept> kept() {
        place();
        Map<Long, Kept> all = new TreeMap<>(anchors);
        for (Sequenced s : new Sequenced[] {first, peakMark, drawdownPeak, drawdownTrough, last}) {
            if (s != null) {
                all.put(s.seq(), s.kept());
            }
        }
        return List.copyOf(all.values());
    }

    /** The kept marks as the statistics take them. */
    public List<PricePoint> marks() {
        return kept().stream().map(Kept::mark).sorted(Comparator.comparingLong(PricePoint::atMs)).toList();
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
                anchors.put(last.seq(), last.kept()); // the mark the payment values the position at
            }
            ledger.funding(payment.amount());
            lastIsNewest = false;
            measure(ledger.equity(), null);
        }
        pendingFunding.clear();
        for (PricePoint p : pending) {
            ledger.mark(p.price());
            Sequenced s = new Sequenced(seq++, new Kept(p, ledger.equity(), ledger.position()));
            if (first == null) {
                first = s;
            }
            last = s;
            lastIsNewest = true;
            measure(s.kept().equity(), s);
        }
        pending.clear();
    }

    /** The running peak and the largest fall from it, as the statistics measure them; a fill is its own point. */
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
