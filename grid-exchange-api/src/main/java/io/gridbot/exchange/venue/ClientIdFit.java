package io.gridbot.exchange.venue;

import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a venue's codec makes the core's client order ids fit the venue's rules and brings each one back: asked
 * of every provider when the catalog is made, on the ids at the edges of what the core makes (every kind and side,
 * the first and the last lines, a sequence of one digit up to the longest that still fits the core's 36
 * characters). The contract kit's property asks the same of random ids.
 */
public final class ClientIdFit {

    private static final List<String> TAGS = List.of("00000000", "zzzzzzzz", ClientOrderId.tagOf("grid"));
    private static final List<Integer> LINES = List.of(0, 7, 10, 999, 99_999, Integer.MAX_VALUE);
    private static final List<Long> SEQS = List.of(0L, 1L, 35L, 36L, 1_700_000_000_000L, Long.MAX_VALUE);

    private ClientIdFit() {
    }

    /** Why {@code codec} does not fit {@code rules}: the first sample id it breaks, and how; empty when it fits. */
    public static Optional<String> problem(ClientIdCodec codec, ClientIdRules rules) {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(rules, "rules");
        for (String id : samples()) {
            Optional<String> problem = problem(codec, rules, id);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** Why {@code codec} does not fit {@code rules} for this one id of the core's; empty when it does. */
    public static Optional<String> problem(ClientIdCodec codec, ClientIdRules rules, String id) {
        String encoded = codec.encode(id);
        Optional<String> refused = rules.problem(encoded);
        if (refused.isPresent()) {
            return Optional.of(id + " is sent as " + encoded + ", which the venue refuses (" + rules + "): "
                    + refused.get());
        }
        String decoded = codec.decode(encoded);
        if (!id.equals(decoded)) {
            return Optional.of(id + " is sent as " + encoded + ", which comes back as " + decoded);
        }
        return Optional.empty();
    }

    /** The ids at the edges of what the core makes. */
    static List<String> samples() {
        List<String> ids = new ArrayList<>();
        for (String tag : TAGS) {
            for (ClientOrderId.Kind kind : ClientOrderId.Kind.values()) {
                for (Side side : Side.values()) {
                    for (int line : LINES) {
                        for (long seq : SEQS) {
                            try {
                                ids.add(ClientOrderId.of(tag, kind, side, line, seq));
                            } catch (IllegalArgumentException tooLong) {
                                // the core never makes it either
                            }
                        }
                    }
                }
            }
        }
        return ids;
    }
}
