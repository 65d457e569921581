package io.gridbot.runner.engine;

import io.gridbot.core.event.GridEvent;
import io.gridbot.core.order.OrderOwnership;
import io.gridbot.exchange.ExchangeAdapter;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One grid's link to the venue, shared by the parts of its engine that speak to it.
 *
 * @param adapter  the venue
 * @param executor runs adapter calls: a virtual-thread executor live, {@code Runnable::run} in replays
 * @param clock    the time local failures and answers without a venue time are stamped with
 * @param grid     the grid's name, for the log
 * @param symbol   the grid's symbol
 * @param owner    which orders are the grid's
 * @param inbox    where what the venue says goes, as core events; the events of one call are queued together,
 *                 none of another thread's between them; thread-safe
 */
record VenueLink(ExchangeAdapter adapter, Executor executor, LongSupplier clock, String grid, String symbol,
        OrderOwnership owner, Consumer<List<GridEvent>> inbox) {

    long now() {
        return clock.getAsLong();
    }

    /** Queues one event. */
    void tell(GridEvent event) {
        inbox.accept(List.of(event));
    }
}
