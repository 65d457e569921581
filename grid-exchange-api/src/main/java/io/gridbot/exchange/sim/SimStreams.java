package io.gridbot.exchange.sim;

import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.exchange.Subscription;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.DepthEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.StreamHealthEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The simulator's streams: subscribers, the queue of deliveries, and the stream faults (drops with a
 * reconnect schedule, stalls, duplicated and swapped events). Time is an argument: {@link #advance} moves
 * the reconnect schedule and releases a stall as of the time it is given, so a test drives it with virtual
 * time and nothing here sleeps or reads a clock.
 *
 * <p>Events are queued in the order the venue's state changed and delivered by {@link #deliver} on the
 * calling thread, outside the venue's lock. A listener may call back into the venue; what that causes is
 * queued behind the deliveries in progress, never delivered inside them.
 */
final class SimStreams {

    /** The facade's logger: listener failures are logged under the name they always were. */
    private static final System.Logger LOG = System.getLogger(SimulatedExchange.class.getName());

    private final SimFaults faults;
    private final List<Long> reconnectDelaysMs;
    private final List<Listener<TickerEvent>> tickerListeners = new CopyOnWriteArrayList<>();
    private final List<Listener<OrderEvent>> orderListeners = new CopyOnWriteArrayList<>();
    private final List<Listener<AccountEvent>> accountListeners = new CopyOnWriteArrayList<>();
    private final List<Listener<StreamHealthEvent>> healthListeners = new CopyOnWriteArrayList<>();
    private final List<Listener<DepthEvent>> depthListeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<Runnable> outbox = new ArrayDeque<>();
    private final ArrayDeque<Runnable> held = new ArrayDeque<>();
    private Thread deliverer;
    private boolean down;
    private int reconnectAttempt;
    private long nextReconnectAtMs = Long.MAX_VALUE;

    SimStreams(SimFaults faults, List<Long> reconnectDelaysMs) {
        this.faults = faults;
        this.reconnectDelaysMs = reconnectDelaysMs;
    }

    Subscription watchTicker(String symbol, Consumer<TickerEvent> listener) {
        return subscribe(tickerListeners, new Listener<>(symbol, listener));
    }

    Subscription watchDepth(String symbol, Consumer<DepthEvent> listener) {
        return subscribe(depthListeners, new Listener<>(symbol, listener));
    }

    Subscription watchOrders(Consumer<OrderEvent> listener) {
        return subscribe(orderListeners, new Listener<>(null, listener));
    }

    Subscription watchAccount(Consumer<AccountEvent> listener) {
        return subscribe(accountListeners, new Listener<>(null, listener));
    }

    Subscription watchHealth(Consumer<StreamHealthEvent> listener) {
        return subscribe(healthListeners, new Listener<>(null, listener));
    }

    /** Forgets every subscriber. */
    void close() {
        tickerListeners.clear();
        depthListeners.clear();
        orderListeners.clear();
        accountListeners.clear();
        healthListeners.clear();
    }

    synchronized void ticker(TickerEvent event) {
        enqueue(tickerListeners, event.symbol(), event, false, event.atMs());
    }

    synchronized void order(OrderEvent event) {
        enqueue(orderListeners, null, event, true, event.atMs());
    }

    synchronized void account(AccountEvent event) {
        enqueue(accountListeners, null, event, true, event.atMs());
    }

    /**
     * Drops every stream at {@code nowMs}; reconnects follow on the schedule, as {@link #advance} reaches them.
     * Returns false when the streams were down already, so nothing happened.
     */
    synchronized boolean drop(long nowMs) {
        if (down) {
            return false;
        }
        down = true;
        reconnectAttempt = 0;
        health(StreamState.DISCONNECTED, 0, "stream dropped", nowMs);
        scheduleReconnect(nowMs);
        return true;
    }

    /** Time is now {@code nowMs}: reconnect attempts that are due happen, and a stall that is over releases its events. */
    synchronized void advance(long nowMs) {
        while (down && nowMs >= nextReconnectAtMs) {
            reconnectAttempt++;
            health(StreamState.RECONNECTING, reconnectAttempt, "reconnect attempt " + reconnectAttempt, nowMs);
            if (faults.reconnectFails()) {
                scheduleReconnect(nowMs);
            } else {
                down = false;
                nextReconnectAtMs = Long.MAX_VALUE;
                health(StreamState.CONNECTED, reconnectAttempt, "reconnected", nowMs);
            }
        }
        if (!faults.stalled(nowMs) && !held.isEmpty()) {
            outbox.addAll(held);
            held.clear();
        }
    }

    /** Delivers queued events on this thread unless another delivery is already running. */
    void deliver() {
        Runnable next;
        synchronized (this) { // taking the delivery over and the first event: one lock, not two
            if (deliverer != null || outbox.isEmpty()) {
                return;
            }
            deliverer = Thread.currentThread();
            next = outbox.poll();
        }
        try {
            while (true) {
                next.run();
                synchronized (this) {
                    // One at a time: the rest stays in the outbox, where a swapped event may land before it.
                    next = outbox.poll();
                    if (next == null) {
                        deliverer = null;
                        return;
                    }
                }
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                deliverer = null;
            }
            throw e;
        }
    }

    private void scheduleReconnect(long nowMs) {
        if (reconnectAttempt >= reconnectDelaysMs.size()) {
            nextReconnectAtMs = Long.MAX_VALUE;
            health(StreamState.GAVE_UP, reconnectAttempt, "reconnect attempts exhausted", nowMs);
            return;
        }
        nextReconnectAtMs = nowMs + reconnectDelaysMs.get(reconnectAttempt);
    }

    private void health(StreamState state, int attempt, String reason, long nowMs) {
        StreamHealthEvent event = new StreamHealthEvent(state, attempt, reason, nowMs);
        for (Listener<StreamHealthEvent> l : healthListeners) {
            outbox.add(() -> l.deliver(event));
        }
    }

    private <T> void enqueue(List<Listener<T>> listeners, String symbol, T event, boolean perturbable, long nowMs) {
        if (down) {
            return; // a dropped stream loses what happens meanwhile; the resync after reconnect recovers it
        }
        ArrayDeque<Runnable> target = faults.stalled(nowMs) ? held : outbox;
        if (target == outbox && !held.isEmpty()) {
            outbox.addAll(held);
            held.clear();
        }
        for (Listener<T> l : listeners) {
            if (l.symbol != null && symbol != null && !l.symbol.equals(symbol)) {
                continue;
            }
            Runnable delivery = () -> l.deliver(event);
            if (perturbable && faults.reorder() && !target.isEmpty()) {
                Runnable previous = target.pollLast();
                target.add(delivery);
                target.add(previous);
            } else {
                target.add(delivery);
            }
            if (perturbable && faults.duplicate()) {
                target.add(delivery);
            }
        }
    }

    private static <T> Subscription subscribe(List<Listener<T>> list, Listener<T> listener) {
        list.add(listener);
        return () -> list.remove(listener);
    }

    /** A listener with an optional symbol filter; its failures are logged, never passed to the venue. */
    private record Listener<T>(String symbol, Consumer<T> consumer) {
        void deliver(T event) {
            try {
                consumer.accept(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "stream listener failed on " + event, e);
            }
        }
    }
}
