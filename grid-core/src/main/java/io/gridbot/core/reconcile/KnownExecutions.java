package io.gridbot.core.reconcile;

import io.gridbot.core.level.Level;
import io.gridbot.core.order.ClientOrderId;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Which executions of one line a level already accounts for. A trade history read after a restart starts a
 * little before the ledger's last fill, so it repeats executions an earlier process booked and saved in the
 * level; counting them again would mix old entry prices into the line's holding. Orders are told apart by
 * their number at the line, which only grows: an order older than the level's last entry belongs to a cycle the
 * level has closed; the entry's own executions count up to the quantity the level holds as filled, its exits' up
 * to the quantity it holds as closed. Anything else (an order the level never heard of, or fills beyond what it
 * counted, as when an idle level's last round trip is read again whole) the level does not know; a round trip
 * read again whole changes nothing, since its exit takes back what its entry added.
 */
final class KnownExecutions {

    private final long entrySeq;
    private final long exitSeq;
    private BigDecimal entryLeft;
    private BigDecimal exitLeft;

    private KnownExecutions(Level level) {
        entrySeq = seqOf(level.entryClientId());
        exitSeq = seqOf(level.exitClientId());
        entryLeft = level.entryFilledQty();
        exitLeft = level.exitFilledQty();
    }

    /** What this level accounts for; nothing when it never placed an entry. */
    static Optional<KnownExecutions> of(Level level) {
        return level.entryClientId() != null ? Optional.of(new KnownExecutions(level)) : Optional.empty();
    }

    /** Whether the level accounts for this execution already; a counted one uses up what the level holds. */
    boolean accountsFor(ClientOrderId.Parsed order, BigDecimal qty) {
        if (entrySeq >= 0 && order.seq() < entrySeq) {
            return true;
        }
        if (order.kind() == ClientOrderId.Kind.ENTRY && order.seq() == entrySeq) {
            return takeEntry(qty);
        }
        if (order.kind() == ClientOrderId.Kind.EXIT && exitSeq >= 0 && order.seq() <= exitSeq) {
            return takeExit(qty);
        }
        return false;
    }

    private boolean takeEntry(BigDecimal qty) {
        if (entryLeft.compareTo(qty) < 0) {
            return false;
        }
        entryLeft = entryLeft.subtract(qty);
        return true;
    }

    private boolean takeExit(BigDecimal qty) {
        if (exitLeft.compareTo(qty) < 0) {
            return false;
        }
        exitLeft = exitLeft.subtract(qty);
        return true;
    }

    private static long seqOf(String clientOrderId) {
        return clientOrderId == null ? -1 : ClientOrderId.parse(clientOrderId).map(ClientOrderId.Parsed::seq).orElse(-1L);
    }
}
