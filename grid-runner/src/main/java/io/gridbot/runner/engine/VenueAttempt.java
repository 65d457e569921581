package io.gridbot.runner.engine;

import io.gridbot.core.event.GridEvent;
import io.gridbot.exchange.ExchangeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

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

    /** A call whose answer makes several events, queued together in order. */
    @FunctionalInterface
    interface Calls {
        List<GridEvent> answers() throws ExchangeException;
    }

    /** The event a failure makes, if any; also the place to log it. */
    @FunctionalInterface
    interface Failure<E extends Exception> {
        Optional<GridEvent> event(E failure);
    }

    private final Consumer<List<GridEvent>> inbox;
    private final VenueCallWatch watch;

    VenueAttempt(Consumer<List<GridEvent>> inbox) {
        this(inbox, VenueCallWatch.NONE);
    }

    /** @param watch hears of every refusal, by its kind */
    VenueAttempt(Consumer<List<GridEvent>> inbox, VenueCallWatch watch) {
        this.inbox = inbox;
        this.watch = watch;
    }

    /** Makes the call on the calling thread and queues what its outcome tells the core. */
    void run(Call call, Failure<ExchangeException> refused, Failure<RuntimeException> broke) {
        runAll(() -> call.answer().stream().toList(), refused, broke);
    }

    /** As {@link #run(Call, Failure, Failure)}, for a call whose answer makes several events. */
    void runAll(Calls call, Failure<ExchangeException> refused, Failure<RuntimeException> broke) {
        runAfter(Optional::empty, call, refused, broke);
    }

    /**
     * As {@link #run(Call, Failure, Failure)}, with {@code first} run just before the call (it must not throw):
     * its event is queued right behind the call's outcome, with nothing between them.
     */
    void runAfter(Supplier<Optional<GridEvent>> first, Calls call, Failure<ExchangeException> refused,
            Failure<RuntimeException> broke) {
        Optional<GridEvent> behind = first.get();
        List<GridEvent> outcome = new ArrayList<>(2);
        try {
            outcome.addAll(call.answers());
        } catch (ExchangeException e) {
            watch.refused(e.kind());
            refused.event(e).ifPresent(outcome::add);
        } catch (RuntimeException e) {
            broke.event(e).ifPresent(outcome::add);
        }
        behind.ifPresent(outcome::add);
        if (!outcome.isEmpty()) {
            inbox.accept(outcome);
        }
    }

    /** As {@link #run(Call, Failure, Failure)}, where any failure, refused or unexpected, is told the same way. */
    void run(Call call, Failure<Exception> failed) {
        run(call, failed::event, failed::event);
    }
}
