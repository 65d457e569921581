package io.gridbot.exchange.binance.stream;

import io.gridbot.exchange.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscribers of one kind of event, each with an optional symbol filter. Deliveries are serialised, so a
 * subscriber sees one event at a time even when two connections feed the same kind (book ticker and trades).
 * A subscriber that throws is logged; the stream and the other subscribers carry on.
 */
public final class Listeners<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<Entry<T>> entries = new CopyOnWriteArrayList<>();

    /** Adds a subscriber; {@code symbol} {@code null} receives every symbol. */
    public Subscription add(String symbol, Consumer<T> consumer) {
        Entry<T> entry = new Entry<>(symbol, consumer);
        entries.add(entry);
        return () -> entries.remove(entry);
    }

    /** Delivers an event to the subscribers of its symbol ({@code null}: to all). */
    public synchronized void deliver(String symbol, T event) {
        for (Entry<T> e : entries) {
            if (e.symbol != null && symbol != null && !e.symbol.equals(symbol)) {
                continue;
            }
            try {
                e.consumer.accept(event);
            } catch (RuntimeException failure) {
                LOG.warn("a stream listener failed on {}", event, failure);
            }
        }
    }

    public void clear() {
        entries.clear();
    }

    private record Entry<T>(String symbol, Consumer<T> consumer) {
    }
}
