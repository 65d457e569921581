package io.gridbot.exchange.okx.fake;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults the fake OKX can be told to produce, each once, in OKX's own terms: an order item refused with a given
 * {@code sCode}, a create answered with any status and code after it did or did not reach the book (an unknown
 * outcome), any request refused as a whole, a route answered with a body of the test's, a slow answer (a client time-out).
 */
public final class FakeFaults {

    /** A whole answer: HTTP status, OKX {@code code} and {@code msg}; a {@code null} code answers {@code msg} as a plain page. */
    record Answer(int status, String code, String msg) {
    }

    /** An answer to a create that may or may not have placed the order first. */
    record CreateAnswer(Answer answer, boolean placed) {
    }

    private final Queue<String[]> itemRefusals = new ConcurrentLinkedQueue<>();
    private final Queue<CreateAnswer> createAnswers = new ConcurrentLinkedQueue<>();
    private final Queue<Answer> requestRefusals = new ConcurrentLinkedQueue<>();
    private final AtomicLong slowMs = new AtomicLong();
    private final Map<String, String> routeAnswers = new ConcurrentHashMap<>();

    /** The next order item (a single place or one item of a batch) is refused with this {@code sCode} and {@code sMsg}. */
    public FakeFaults refuseNextOrder(String sCode, String sMsg) {
        itemRefusals.add(new String[] {sCode, sMsg});
        return this;
    }

    /**
     * The next create ({@code trade/order}, {@code batch-orders} or {@code order-algo}) is answered with this status
     * and code after placing its orders ({@code placed}) or not; a {@code null} code answers a plain-text page.
     */
    public FakeFaults answerNextCreate(int status, String code, String msg, boolean placed) {
        createAnswers.add(new CreateAnswer(new Answer(status, code, msg), placed));
        return this;
    }

    /** The next request, of any route, is refused as a whole with this status, code and message. */
    public FakeFaults refuseNextRequest(int status, String code, String msg) {
        requestRefusals.add(new Answer(status, code, msg));
        return this;
    }

    /**
     * The next request of this route ({@code "GET /api/v5/trade/orders-pending"}) is answered with this JSON body,
     * HTTP 200, whatever the book holds: an answer OKX might send that the fake would not make on its own.
     */
    public FakeFaults answerNext(String route, String body) {
        routeAnswers.put(route, body);
        return this;
    }

    /** The next answer's headers are held back this long (a client whose timeout is shorter gives up). */
    public FakeFaults slowNextAnswer(long ms) {
        slowMs.set(ms);
        return this;
    }

    String takeRouteAnswer(String route) {
        return routeAnswers.remove(route);
    }

    String[] takeItemRefusal() {
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
