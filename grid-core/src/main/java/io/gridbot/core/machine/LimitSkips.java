package io.gridbot.core.machine;

import java.math.BigDecimal;
import java.util.BitSet;
import java.util.Optional;

/** Entries held back by the position limit: counted once per line, said once per line and position. */
final class LimitSkips {

    private long skipped;
    private BitSet blocked = new BitSet();
    private final BitSet logged = new BitSet();
    private BigDecimal loggedAtPosition = BigDecimal.ZERO;

    long skipped() {
        return skipped;
    }

    /** Counts the lines newly held back; returns what to log, if anything is new to say. */
    Optional<String> note(BitSet nowBlocked, BigDecimal position, BigDecimal maxPosition) {
        if (nowBlocked.equals(blocked) && position.compareTo(loggedAtPosition) == 0) {
            return Optional.empty(); // the same lines at the same position: all counted and said already
        }
        BitSet fresh = (BitSet) nowBlocked.clone();
        fresh.andNot(blocked);
        skipped += fresh.cardinality();
        blocked = nowBlocked;
        // Said once per line while the position stands: a price swinging across lines at the limit would
        // otherwise say it at every swing and bury the log.
        if (position.compareTo(loggedAtPosition) != 0) {
            logged.clear();
            loggedAtPosition = position;
        }
        BitSet unsaid = (BitSet) nowBlocked.clone();
        unsaid.andNot(logged);
        int newly = unsaid.cardinality();
        if (newly == 0) {
            return Optional.empty();
        }
        logged.or(nowBlocked);
        return Optional.of(newly + " entr" + (newly == 1 ? "y" : "ies") + " held back by the position limit "
                + maxPosition.toPlainString());
    }
}
