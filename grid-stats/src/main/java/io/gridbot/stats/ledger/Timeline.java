package io.gridbot.stats.ledger;

import io.gridbot.core.order.Fill;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The merged, time-ordered history the statistics are computed over: fills, funding payments and marks. Within
 * one millisecond fills come first, then funding, then marks (a trade's fills are caused by it, but the mark
 * that follows them is the price the position is then worth); each kind keeps its given order.
 */
public final class Timeline {

    /** One moment of the history. */
    public sealed interface Moment permits FillMoment, FundingMoment, MarkMoment {
        /** When it happened. */
        long atMs();
    }

    /**
     * An execution.
     *
     * @param fill the fill
     */
    public record FillMoment(Fill fill) implements Moment {
        @Override
        public long atMs() {
            return fill.atMs();
        }
    }

    /**
     * A funding payment.
     *
     * @param payment the payment
     */
    public record FundingMoment(FundingPayment payment) implements Moment {
        @Override
        public long atMs() {
            return payment.atMs();
        }
    }

    /**
     * A mark price.
     *
     * @param point the mark
     */
    public record MarkMoment(PricePoint point) implements Moment {
        @Override
        public long atMs() {
            return point.atMs();
        }
    }

    private Timeline() {
    }

    /** The moments of these fills, payments and marks, in the order the statistics book them. */
    public static List<Moment> of(List<Fill> fills, List<FundingPayment> funding, List<PricePoint> marks) {
        List<Moment> moments = new ArrayList<>(fills.size() + funding.size() + marks.size());
        fills.forEach(f -> moments.add(new FillMoment(f)));
        funding.forEach(p -> moments.add(new FundingMoment(p)));
        marks.forEach(m -> moments.add(new MarkMoment(m)));
        moments.sort(Comparator.comparingLong(Moment::atMs).thenComparingInt(Timeline::rank)); // stable within a kind
        return moments;
    }

    /** The order within one millisecond. */
    static int rank(Moment m) {
        return switch (m) {
            case FillMoment f -> 0;
            case FundingMoment p -> 1;
            case MarkMoment k -> 2;
        };
    }
}
