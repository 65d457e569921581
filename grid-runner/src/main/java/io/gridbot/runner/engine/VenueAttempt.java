package io.gridbot.runner.engine;

import io.gridbot.core.event.GridEvent;
import io.gridbot.exchange.ExchangeException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One call to the venue, and what each of its outcomes tells the core: its answer, the venue's refusal (an
 * {@link ExchangeException}) or an unexpected failure of the adapter (any other runtime exception), each as
 * at most one event on the grid's inbox. No failure escapes to the thread that ran the call: the core hears of
 * every call it asked for, or the caller said why it need not.
 */
final class VenueAttempt {

    /** The call, with the event its answer makes, if any. */
    @FunctionalInterface
    interface Call {
        Optional<GridEvent> answer() throws ExchangeException;
    }

    /** The event a failure makes, if any; also the place to log it. */
    @FunctionalInterface
    interface Failure<E extends Exception> {
        Optional<GridEvent> event(E failure);
    }

    private final Consumer<GridEvent> inbox;
    private final VenueCallWatch watch;

    VenueAttempt(Consumer<GridEvent> inbox) {
        this(inbox, VenueCallWatch.NONE);
    }

    /** @param watch hears of every refusal, by its kind */
    VenueAttempt(Consumer<GridEvent> inbox, VenueCallWatch watch) {
        this.inbox = inbox;
        this.watch = watch;
    }

    /** Makes the call on the calling thread and queues what its outcome tells the core. */
    void run(Call call, Failure<ExchangeException> refused, Failure<RuntimeException> broke) {
        Optional<GridEvent> outcome;
        try {
            outcome = call.answer();
        } catch (ExchangeException e) {
            watch.refused(e.kind());
            outcome = refused.event(e);
        } catch (RuntimeException e) {
            outcome = broke.event(e);
        }
        outcome.ifPresent(inbox);
    }

    /** As {@link #run(Call, Failure, Failure)}, where any failure, refused or unexpected, is told the same way. */
    void run(Call call, Failure<Exception> failed) {
        run(call, failed::event, failed::event);
    }
}
