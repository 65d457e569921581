package io.gridbot.exchange.contract;

import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Side;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Every client order id the core can make, as a jqwik arbitrary: any grid's tag, every kind and side, lines from
 * the first to the largest, and sequences from one digit to the longest that keeps the id within the core's 36
 * characters (a restored grid numbers its orders from its start time in milliseconds).
 */
public final class CoreIds {

    private CoreIds() {
    }

    /** The ids, each one {@link ClientOrderId#of} makes for a grid's tag. */
    public static Arbitrary<String> all() {
        Arbitrary<String> tags = Arbitraries.strings().ofMaxLength(40).map(ClientOrderId::tagOf);
        Arbitrary<Integer> lines = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 400)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, Integer.MAX_VALUE)));
        Arbitrary<Long> seqs = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 10_000)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(1_500_000_000_000L, 4_000_000_000_000L)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, Long.MAX_VALUE)));
        return Combinators.combine(tags, Arbitraries.of(ClientOrderId.Kind.class), Arbitraries.of(Side.class), lines,
                seqs).as(CoreIds::madeOrNull).filter(java.util.Objects::nonNull);
    }

    /** The core's id for these parts, {@code null} where it would be longer than the core allows. */
    private static String madeOrNull(String tag, ClientOrderId.Kind kind, Side side, int line, long seq) {
        try {
            return ClientOrderId.of(tag, kind, side, line, seq);
        } catch (IllegalArgumentException tooLong) {
            return null;
        }
    }
}
