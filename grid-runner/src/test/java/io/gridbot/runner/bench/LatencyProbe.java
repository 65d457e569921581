package io.gridbot.runner.bench;

import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.ForwardingAdapter;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.Subscription;
import io.gridbot.exchange.stream.OrderEvent;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Event-to-command latency: from the first delivery of an entry's fill (to any grid's listener: every grid
 * hears every order event of the account) to the grid's order for the exit that fill calls for (FR-7).
 */
final class LatencyProbe extends ForwardingAdapter {

    /** When each filled entry's fill was first delivered, by the entry's client id. */
    private final Map<String, Long> filledAt = new ConcurrentHashMap<>();
    /** The entry whose exit is awaited, by grid tag and line. */
    private final Map<String, String> awaitingExit = new ConcurrentHashMap<>();
    private long[] samples = new long[1 << 16];
    private int count;
    private long slowestNanos;
    private String slowest;

    LatencyProbe(ExchangeAdapter venue) {
        super(venue);
    }

    @Override
    public Subscription watchOrders(Consumer<OrderEvent> listener) {
        return venue.watchOrders(e -> {
            if (e.status() == OrderStatus.FILLED) {
                ClientOrderId.parse(e.clientOrderId()).filter(id -> id.kind() == ClientOrderId.Kind.ENTRY).ifPresent(id -> {
                    if (filledAt.putIfAbsent(e.clientOrderId(), System.nanoTime()) == null) {
                        awaitingExit.put(id.tag() + "/" + id.line(), e.clientOrderId());
                    }
                });
            }
            listener.accept(e);
        });
    }

    @Override
    public OrderAck createOrder(OrderRequest request) throws ExchangeException {
        ClientOrderId.parse(request.clientOrderId()).filter(id -> id.kind() == ClientOrderId.Kind.EXIT)
                .map(id -> awaitingExit.remove(id.tag() + "/" + id.line()))
                .ifPresent(entry -> record(entry, System.nanoTime() - filledAt.get(entry)));
        return venue.createOrder(request);
    }

    private synchronized void record(String entry, long nanos) {
        if (nanos > slowestNanos) {
            slowestNanos = nanos;
            slowest = entry;
        }
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    /** Forgets what was measured so far (the start-up's burst of orders). */
    synchronized void reset() {
        count = 0;
        slowestNanos = 0;
        slowest = null;
        awaitingExit.clear();
    }

    /** The entry whose exit took longest, for a look at its grid's log. */
    synchronized String slowest() {
        return slowest;
    }

    /** The samples so far, in ms, sorted. */
    synchronized double[] sortedMs() {
        return Arrays.stream(samples, 0, count).sorted().mapToDouble(n -> n / 1e6).toArray();
    }
}
