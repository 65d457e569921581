package io.gridbot.exchange.bybit.fake;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults the fake Bybit can be told to produce, each once, in Bybit's own terms: an order refused with a given
 * {@code retCode} (a single create, or one item of a batch), a create answered with any status and code after it did
 * or did not reach the book (an unknown outcome), any request refused as a whole, a slow answer (a client time-out).
 */
public final class FakeFaults {

    /** A whole answer: HTTP status, Bybit {@code retCode} and {@code retMsg}; a {@code null} code answers {@code msg} as a plain page. */
    record Answer(int status, Integer code, String msg) {
    }

    /** An answer to a create that may or may not have placed the order first. */
    record CreateAnswer(Answer answer, boolean placed) {
    }

    /** One refused order item. */
    record ItemRefusal(int code, String msg) {
    }

    private final Queue<ItemRefusal> itemRefusals = new ConcurrentLinkedQueue<>();
    private final Queue<CreateAnswer> createAnswers = new ConcurrentLinkedQueue<>();
    private final Queue<Answer> requestRefusals = new ConcurrentLinkedQueue<>();
    private final AtomicLong slowMs = new AtomicLong();

    /** The next order (a single create or one item of a batch) is refused with this {@code retCode} and message. */
    public FakeFaults refuseNextOrder(int code, String msg) {
        itemRefusals.add(new ItemRefusal(code, msg));
        return this;
    }

    /**
     * The next create ({@code order/create} or {@code create-batch}) is answered with this status and code after
     * placing its orders ({@code placed}) or not; a {@code null} code answers a plain-text page.
     */
    public FakeFaults answerNextCreate(int status, Integer code, String msg, boolean placed) {
        createAnswers.add(new CreateAnswer(new Answer(status, code, msg), placed));
        return this;
    }

    /** The next request, of any route, is refused as a whole with this status, code and message. */
    public FakeFaults refuseNextRequest(int status, Integer code, String msg) {
        requestRefusals.add(new Answer(status, code, msg));
        return this;
    }

    /** The next answer's headers are held back this long (a client whose timeout is shorter gives up). */
    public FakeFaults slowNextAnswer(long ms) {
        slowMs.set(ms);
        return this;
    }

    ItemRefusal takeItemRefusal() {
        return itemRefusals.poll();
    }

    CreateAnswer takeCreateAnswer() {
        return createAnswers.poll();
    }

    Answer takeRequestRefusal() {
        return requestRefusals.poll();
    }

    long takeSlowMs() {
        return slowMs.getAndSet(0);
    }
}
