package io.gridbot.core.machine;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.event.GridEvent.CancelRejected;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.log.LogType;
import io.gridbot.core.order.ClientOrderId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cancels the venue refused for orders of this grid that nothing tracks any more: an orphan of a reconciliation,
 * the protective stop cancelled as a stop completes. Such an order counts toward no limit and may still fill, so
 * its cancel is sent again on the timer, backing off, until the venue takes it or says the order is gone.
 */
final class OrphanCancels {

    /** The wait before the first retry. */
    static final long FIRST_RETRY_MS = 5_000;
    /** The longest wait between two retries. */
    static final long MAX_RETRY_MS = 300_000;

    private record Retry(long atMs, long waitMs) {
    }

    private final Grid g;
    private final Map<String, Retry> pending = new LinkedHashMap<>();

    OrphanCancels(Grid g) {
        this.g = g;
    }

    /** The venue refused the cancel of an order of this grid that no line or stop tracks. */
    void refused(CancelRejected r) {
        String id = r.clientOrderId();
        if (r.kind() == ExchangeErrorKind.UNKNOWN_ORDER) {
            pending.remove(id);
            return;
        }
        Retry before = pending.get(id);
        long waitMs = before == null ? FIRST_RETRY_MS : Math.min(MAX_RETRY_MS, before.waitMs() * 2);
        pending.put(id, new Retry(g.nowMs() + waitMs, waitMs));
        g.out.record(LogType.WARN, "cancel of an untracked order of this grid refused (" + r.kind() + "): sent again in "
                + waitMs / 1000 + " s", id, null);
    }

    /** The venue reported the order finished: nothing left to cancel. */
    void finished(String clientOrderId) {
        pending.remove(clientOrderId);
    }

    /** Sends again the cancels whose wait is over; each waits for its answer before the next retry. */
    void retryDue() {
        long now = g.nowMs();
        pending.replaceAll((id, retry) -> {
            if (now < retry.atMs()) {
                return retry;
            }
            boolean stop = ClientOrderId.parse(id).map(p -> p.kind() == ClientOrderId.Kind.STOP).orElse(false);
            g.out.add(stop ? new GridCommand.CancelProtectiveStop(g.config.symbol(), id)
                    : new GridCommand.CancelOrder(g.config.symbol(), id));
            return new Retry(now + retry.waitMs(), retry.waitMs());
        });
    }
}
