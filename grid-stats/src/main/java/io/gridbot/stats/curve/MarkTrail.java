package io.gridbot.stats.curve;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.Fill;
import io.gridbot.stats.ledger.EquityLedger;
import io.gridbot.stats.ledger.FundingPayment;
import io.gridbot.stats.ledger.PricePoint;
import io.gridbot.stats.ledger.Timeline;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>A replay marks every trade, so a mark makes no object and mostly works out no equity: it is held in a reused
 * place with the ledger's {@link io.gridbot.stats.ledger.Valuation} of the time, which gives its equity if it is
 * kept, and {@link DrawdownWatch} tells from its price alone whether it sets a peak or a trough.
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

    private final EquityLedger ledger;
    private final DrawdownWatch drawdown = new DrawdownWatch();
    /**
     * The newest millisecond's funding payments and marks (all at {@code pendingMs}): a fill of that millisecond,
     * still to come, is booked before them, and its payments before its marks, as the statistics order them.
     */
    private BigDecimal[] pending = new BigDecimal[4];
    private int pendingCount;
    private final List<FundingPayment> pendingFunding = new ArrayList<>();
    private final Map<Long, Kept> anchors = new TreeMap<>();
    private final TrailMark first = new TrailMark();
    private final TrailMark last = new TrailMark();
    private long pendingMs;
    private long seq;
    private long latestMs = Long.MIN_VALUE;
    private long seen;
    private boolean lastIsNewest;

    /** A trail for a grid on an account in {@code mode}, booking its fills as the statistics will. */
    public MarkTrail(PositionMode mode) {
        this.ledger = new EquityLedger(mode);
    }

    /** A trade's price at {@code atMs}. */
    public void mark(long atMs, BigDecimal price) {
        if (atMs != pendingMs && hasPending()) {
            place();
        }
        pendingMs = atMs;
        if (pendingCount == pending.length) {
            pending = Arrays.copyOf(pending, 2 * pendingCount);
        }
        pending[pendingCount++] = price;
        latestMs = Math.max(latestMs, atMs);
        seen++;
    }

    /** A fill: booked before the marks of its own millisecond, as the statistics book it. */
    public void fill(Fill fill) {
        placeBefore(fill.atMs());
        ledger.fill(fill);
        latestMs = Math.max(latestMs, fill.atMs());
        lastIsNewest = false;
        drawdown.point(ledger.equity());
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
        for (TrailMark m : new TrailMark[] {first, drawdown.peakMark(), drawdown.drawdownPeak(),
            drawdown.drawdownTrough(), last}) {
            if (m.present()) {
                all.put(m.seq(), m.kept());
            }
        }
        return List.copyOf(all.values());
    }

    /** The kept marks as the statistics take them. */
    public List<PricePoint> marks() {
        return kept().stream().map(Kept::mark).sorted(Comparator.comparingLong(PricePoint::atMs)).toList();
    }

    private boolean hasPending() {
        return pendingCount > 0 || !pendingFunding.isEmpty();
    }

    private void placeBefore(long atMs) {
        if (hasPending() && pendingMs < atMs) {
            place();
        }
    }

    private void place() {
        if (!pendingFunding.isEmpty()) {
            for (FundingPayment payment : pendingFunding) {
                if (lastIsNewest) {
                    anchors.put(last.seq(), last.kept()); // the mark the payment values the position at
                }
                ledger.funding(payment.amount());
                lastIsNewest = false;
                drawdown.point(ledger.equity());
            }
            pendingFunding.clear();
        }
        for (int i = 0; i < pendingCount; i++) {
            BigDecimal price = pending[i];
            ledger.mark(price);
            last.set(seq++, pendingMs, price, ledger.valuation());
            if (!first.present()) {
                first.copy(last);
            }
            lastIsNewest = true;
            drawdown.mark(last);
        }
        pendingCount = 0;
    }
}
