package io.gridbot.core.machine;

import io.gridbot.core.risk.PositionLegs;
import java.util.BitSet;

/**
 * The brackets of lines whose sync found nothing to do, as of one state of the grid. A price swinging across
 * the same lines while nothing else changes would only find the same again: in a replay of a ranging month
 * nearly every sync is such a repeat. What a sync decides is fixed by the price's bracket, the lines' orders
 * and positions (their change count), the positions it charges against the limit and the time rules, which
 * hold until the first deadline the sync saw ahead (its wake). Any change to them forgets every bracket at once.
 */
final class QuietBrackets {

    private static final int KEPT = 4;

    private Slot[] slots;
    private long changes = -1;
    private PositionLegs tracked;
    private PositionLegs venue;
    private PositionLegs others;
    private final int[] brackets = new int[KEPT];
    private final long[] wakes = new long[KEPT];
    private final BitSet[] blocked = new BitSet[KEPT];
    private int size;

    /** What the limit held back at this bracket, if its sync in this state found nothing to do; else null. */
    BitSet quiet(int bracket, long nowMs, Slot[] slots, long changes, PositionLegs tracked, PositionLegs venue,
            PositionLegs others) {
        if (!sameState(slots, changes, tracked, venue, others)) {
            return null;
        }
        for (int i = 0; i < size; i++) {
            if (brackets[i] == bracket && nowMs < wakes[i]) {
                return blocked[i];
            }
        }
        return null;
    }

    /**
     * A sync at this bracket found nothing to do; {@code wakeMs} is the first deadline it saw ahead, and
     * {@code blockedLines} what the limit held back.
     */
    void remember(int bracket, long wakeMs, Slot[] slots, long changes, PositionLegs tracked, PositionLegs venue,
            PositionLegs others, BitSet blockedLines) {
        if (!sameState(slots, changes, tracked, venue, others)) {
            this.slots = slots;
            this.changes = changes;
            this.tracked = tracked;
            this.venue = venue;
            this.others = others;
            size = 0;
        }
        int at = 0;
        while (at < size && brackets[at] != bracket) {
            at++;
        }
        if (at == size) {
            at = size < KEPT ? size++ : bracket & (KEPT - 1); // a fifth bracket displaces one: a repeat costs a sync
        }
        brackets[at] = bracket;
        wakes[at] = wakeMs;
        blocked[at] = blockedLines;
    }

    /** Something the brackets cannot see changed (a sync that acted, a new ladder): forget them all. */
    void forget() {
        size = 0;
        slots = null;
    }

    private boolean sameState(Slot[] slots, long changes, PositionLegs tracked, PositionLegs venue,
            PositionLegs others) {
        return this.slots == slots && this.changes == changes && same(this.tracked, tracked)
                && same(this.venue, venue) && same(this.others, others);
    }

    private static boolean same(PositionLegs a, PositionLegs b) {
        return a == b || (a != null && a.sameAs(b));
    }
}
