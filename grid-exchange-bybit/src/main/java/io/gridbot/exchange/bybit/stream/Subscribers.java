package io.gridbot.exchange.bybit.stream;

import io.gridbot.exchange.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscribers of one kind of event, each with an optional instrument filter. Deliveries are serialised, so a
 * subscriber sees one event at a time even when both sockets feed it; one that throws is logged and the rest carry on.
 */
final class Subscribers<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Subscribers.class);

    private record Entry<T>(String symbol, Consumer<T> consumer) {
    }

    private final List<Entry<T>> entries = new CopyOnWriteArrayList<>();

    /** Adds a subscriber; {@code symbol} {@code null} receives every instrument. */
    Subscription add(String symbol, Consumer<T> consumer) {
        Entry<T> entry = new Entry<>(symbol, consumer);
        entries.add(entry);
        return () -> entries.remove(entry);
    }

    synchronized void deliver(String symbol, T event) {
        for (Entry<T> e : entries) {
            if (e.symbol() != null && symbol != null && !e.symbol().equals(symbol)) {
                continue;
            }
            try {
                e.consumer().accept(event);
            } catch (RuntimeException failure) {
                LOG.warn("a stream subscriber failed on {}", event, failure);
            }
        }
    }
}
