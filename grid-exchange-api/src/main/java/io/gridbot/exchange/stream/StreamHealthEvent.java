package io.gridbot.exchange.stream;

import io.gridbot.core.event.GridEvent.StreamState;

/**
 * The adapter's streams changed state: connected, disconnected, reconnecting (attempt n), gave up.
 * An adapter reports CONNECTED after a reconnect only once it has resubscribed every stream.
 *
 * @param state   the new state
 * @param attempt the reconnect attempt, 0 when not reconnecting
 * @param reason  a short explanation for the log
 * @param atMs    when
 */
public record StreamHealthEvent(StreamState state, int attempt, String reason, long atMs) {
}
