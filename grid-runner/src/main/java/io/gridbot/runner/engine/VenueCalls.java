package io.gridbot.runner.engine;

import io.gridbot.core.event.GridEvent;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.risk.PositionLegs;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.account.PositionSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's venue commands carried out against the adapter, each on the link's executor (so a cancel-all
 * never waits behind one cancel), its answer or failure coming back to the core as an event. Failures are
 * stamped with the clock's time; answers with the venue's, where it gives one.
 */
final class VenueCalls {

    private static final Logger LOG = LoggerFactory.getLogger(VenueCalls.class);

    /** A cancel endpoint: of orders, or of the protective stop. */
    @FunctionalInterface
    private interface Cancel {
        void cancel(String symbol, String clientOrderId) throws ExchangeException;
    }

    private final VenueLink link;
    private final ExchangeAdapter adapter;
    private final Supplier<PositionLegs> otherGrids;
    private final VenueAttempt attempt;
    private final VenueCallWatch watch;
    /** The creates on their way, by client id: a cancel of one of them waits for it. */
    private final Map<String, CompletableFuture<Void>> creating = new ConcurrentHashMap<>();
    private ExecutionRecovery recovery;

    /**
     * @param otherGrids what the other grids' ledgers on the account and symbol hold, leg by leg, read at every
     *                   snapshot
     */
    VenueCalls(VenueLink link, Supplier<PositionLegs> otherGrids) {
        this(link, otherGrids, VenueCallWatch.NONE);
    }

    /** @param watch times each create until the venue's answer, and hears of every refusal */
    VenueCalls(VenueLink link, Supplier<PositionLegs> otherGrids, VenueCallWatch watch) {
        this.link = link;
        this.adapter = link.adapter();
        this.otherGrids = otherGrids;
        this.watch = watch;
        this.attempt = new VenueAttempt(link.inbox(), watch);
    }

    /** Creates the order (a protective stop through its own endpoint); an unexplained failure may have placed it. */
    void place(OrderRequest request) {
        String id = request.clientOrderId();
        CompletableFuture<Void> created = new CompletableFuture<>();
        creating.put(id, created);
        link.executor().execute(() -> {
            try {
                create(request, id);
            } finally {
                creating.remove(id, created);
                created.complete(null);
            }
        });
    }

    private void create(OrderRequest request, String id) {
        VenueCallWatch.Placing timing = watch.placing();
        attempt.run(() -> {
            OrderAck ack = request.type() == OrderType.STOP_MARKET ? adapter.placeProtectiveStop(request)
                    : adapter.createOrder(request);
            timing.answered(VenueCallWatch.Outcome.ACCEPTED);
            return Optional.of(VenueTranslation.accepted(ack, link.now()));
        }, e -> {
            timing.answered(e.kind() == ExchangeErrorKind.TIMEOUT_UNKNOWN || e.kind() == ExchangeErrorKind.NETWORK
                    ? VenueCallWatch.Outcome.FAILED : VenueCallWatch.Outcome.REFUSED);
            return Optional.of(VenueTranslation.orderRefused(link.now(), id, e));
        }, e -> {
            timing.answered(VenueCallWatch.Outcome.FAILED);
            LOG.error("grid {}: create failed unexpectedly", link.grid(), e);
            return Optional.of(VenueTranslation.orderFailed(link.now(), id, ExchangeErrorKind.TIMEOUT_UNKNOWN, e));
        });
    }

    /** Cancels one order by its client id. */
    void cancel(String clientOrderId) {
        cancel(clientOrderId, adapter::cancelOrder, e -> {
            LOG.error("grid {}: cancel failed unexpectedly", link.grid(), e);
            return Optional.of(VenueTranslation.cancelFailed(link.now(), clientOrderId, e));
        });
    }

    /** Cancels the venue-side protective stop; an unexpected failure is only logged. */
    void cancelStop(String clientOrderId) {
        cancel(clientOrderId, adapter::cancelProtectiveStop, e -> {
            LOG.error("grid {}: stop cancel failed unexpectedly", link.grid(), e);
            return Optional.empty();
        });
    }

    private void cancel(String clientOrderId, Cancel endpoint, VenueAttempt.Failure<RuntimeException> broke) {
        Runnable call = () -> attempt.run(() -> {
            endpoint.cancel(link.symbol(), clientOrderId);
            return Optional.empty();
        }, e -> Optional.of(VenueTranslation.cancelRefused(link.now(), clientOrderId, e)), broke);
        // Calls run side by side: a cancel sent while its order's create is still on its way would reach the
        // venue first, be answered "unknown order", and leave the order resting once the create lands.
        CompletableFuture<Void> created = creating.get(clientOrderId);
        if (created == null) {
            link.executor().execute(call);
        } else {
            created.thenRun(() -> link.executor().execute(call));
        }
    }

    /**
     * Reads the venue's trade history with every snapshot and hands the executions over right behind it: the
     * core then prices what it adopted before any fill of the orders it places next can reach it. The history
     * is read first, so the snapshot is as fresh when it arrives as without it; an execution made between the
     * two reads is in the snapshot's position, and in the next snapshot's history.
     */
    VenueCalls recoveringWith(ExecutionRecovery recovery) {
        this.recovery = recovery;
        return this;
    }

    /**
     * Asks for one order's state. Fills the answer shows come with the order's executions from the trade history,
     * each with its trade id, price and fee, as the stream would have told them: a fill known only as a cumulative
     * quantity would reach the ledger without the venue's trade id, and once more when that execution is read.
     */
    void query(String clientOrderId) {
        link.executor().execute(() -> attempt.runAll(() -> {
                    OrderState state = adapter.queryOrder(link.symbol(), clientOrderId);
                    if (state.cumFilledQty() == null || state.cumFilledQty().signum() == 0 || recovery == null) {
                        return List.of(VenueTranslation.answered(state));
                    }
                    return recovery.executionsOf(clientOrderId).map(t -> VenueTranslation.answered(state, t))
                            .orElseGet(() -> List.of(VenueTranslation.answered(state)));
                },
                e -> Optional.of(VenueTranslation.orderRefused(link.now(), clientOrderId, e)), e -> {
                    LOG.error("grid {}: query failed unexpectedly", link.grid(), e);
                    // Still unanswered: the core keeps the order's line reserved and asks again.
                    return Optional.of(VenueTranslation.orderFailed(link.now(), clientOrderId,
                            ExchangeErrorKind.NETWORK, e));
                }));
    }

    /** The venue's rows for one symbol as legs: a one-way row is {@code both}, hedge rows their own leg. */
    static PositionLegs legs(List<PositionSnapshot> rows) {
        PositionLegs legs = PositionLegs.FLAT;
        for (PositionSnapshot row : rows) {
            legs = legs.plus(row.positionSide(), row.netQty());
        }
        return legs;
    }

    /** Reads the venue's open orders and position legs for a reconciliation. */
    void snapshot() {
        link.executor().execute(() -> attempt.runAfter(
                recovery == null ? Optional::empty : recovery::read, () -> {
            // Other grids' orders on the same symbol are theirs to reconcile; a person's orders stay visible.
            List<OpenOrder> open = adapter.openOrders(link.symbol()).stream()
                    .filter(o -> !link.owner().anotherGrids(o.clientOrderId())).toList();
            PositionLegs legs = legs(adapter.positions(link.symbol()));
            return List.of(new GridEvent.ExchangeSnapshot(link.now(), open, legs, otherGrids.get()));
        }, e -> {
            LOG.warn("grid {}: snapshot failed: {}", link.grid(), e.toString());
            return Optional.of(new GridEvent.SnapshotFailed(link.now(), e.kind(), e.retryAfterMs(), e.getMessage()));
        }, e -> {
            LOG.error("grid {}: snapshot failed unexpectedly", link.grid(), e);
            return Optional.of(new GridEvent.Fault(link.now(), "could not read the venue's orders and position: " + e));
        }));
    }
}
