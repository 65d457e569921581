package io.gridbot.runner.engine;

import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.core.fault.ExchangeErrorKind;

/**
 * What one grid's engine tells a watcher about its venue: how long each create took to be answered, every
 * refusal by its kind (rate limits among them), and every change of the streams' health. The daemon's metrics
 * implement it; replays and the demo watch nothing. Called on the adapter's and the venue calls' threads, so
 * an implementation is thread-safe and quick.
 */
public interface VenueCallWatch {

    /** A create the engine is sending: its answer, whatever it is, ends the measurement. */
    interface Placing {

        /** The venue answered: accepted, refused, or the call failed without an answer of the venue's. */
        void answered(Outcome outcome);
    }

    /** How a create ended. */
    enum Outcome {
        /** The venue acknowledged the order. */
        ACCEPTED,
        /** The venue refused it. */
        REFUSED,
        /** The call failed without the venue's word (a timeout, a broken connection, an adapter failure). */
        FAILED
    }

    /** A create is about to go out. */
    Placing placing();

    /** The venue refused a call (a create, cancel, query, snapshot or history read) with this kind of error. */
    void refused(ExchangeErrorKind kind);

    /** The venue's streams reported a new state at {@code atMs} (venue time). */
    void streamHealth(StreamState state, long atMs);

    /** Watches nothing. */
    VenueCallWatch NONE = new VenueCallWatch() {
        private static final Placing NOTHING = outcome -> {
        };

        @Override
        public Placing placing() {
            return NOTHING;
        }

        @Override
        public void refused(ExchangeErrorKind kind) {
        }

        @Override
        public void streamHealth(StreamState state, long atMs) {
        }
    };
}
