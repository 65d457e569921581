package io.gridbot.runner.metrics;

import io.gridbot.core.event.GridEvent.StreamState;

/**
 * Whether one grid's venue streams are connected, and since when. The venue's health reports give the exact
 * moments it connects and drops; a stream the grid itself judged lost (connected, but silent while the venue
 * changed) is noticed when the grid's picture is read, and counted from then.
 */
final class StreamLog {

    /** What is known at one moment. */
    record Reading(boolean connected, String state, long sinceMs) {
    }

    private boolean connected = true;
    private String state = "CONNECTED";
    private long sinceMs;

    /** @param hostedAtMs when the grid subscribed: connected from then until the venue says otherwise */
    StreamLog(long hostedAtMs) {
        this.sinceMs = hostedAtMs;
    }

    /** The venue reported a state at {@code atMs}. */
    synchronized void heard(StreamState reported, long atMs) {
        state = reported.name();
        boolean up = reported == StreamState.CONNECTED;
        if (up != connected) {
            connected = up;
            sinceMs = atMs;
        }
    }

    /** The grid's own judgement at {@code nowMs}: whether its streams are connected and delivering. */
    synchronized Reading observe(boolean up, long nowMs) {
        if (up != connected) {
            connected = up;
            sinceMs = nowMs;
            if (!up && state.equals("CONNECTED")) {
                state = "SILENT"; // connected as far as the venue says, but nothing arrives
            } else if (up) {
                state = "CONNECTED";
            }
        }
        return new Reading(connected, state, sinceMs);
    }
}
