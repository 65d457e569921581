package io.gridbot.core.reconcile;

import io.gridbot.core.level.Level;
import io.gridbot.core.order.Intent;
import io.gridbot.core.order.OpenOrder;
import java.util.List;

/**
 * The outcome of restart reconciliation: the levels rebuilt from the venue, which open orders belong
 * to which level, the orphans to cancel and notes for the event log. Gaps are not listed: the
 * machine's next sync places them.
 *
 * @param levels         one level per line, positions as the venue shows them, no orders attached
 * @param attachments    the venue's open grid orders mapped to their level
 * @param orphans        this grid's orders that fit no level: to cancel
 * @param protectiveStops this grid's resting protective stops, at most one per position leg
 * @param foreign        open orders on the symbol placed by someone else: left alone
 * @param notes          what reconciliation changed, in words
 */
public record ReconciliationPlan(
        List<Level> levels,
        List<Attachment> attachments,
        List<OpenOrder> orphans,
        List<OpenOrder> protectiveStops,
        List<OpenOrder> foreign,
        List<String> notes) {

    /** An open order that belongs to a level as its entry or exit. */
    public record Attachment(int line, Intent intent, OpenOrder order) {
    }
}
