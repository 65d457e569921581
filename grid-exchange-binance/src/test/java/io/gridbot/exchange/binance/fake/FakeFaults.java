package io.gridbot.exchange.binance.fake;

import io.gridbot.core.fault.ExchangeErrorKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fake's fault switches (edge cases 1, 3 and 4): refused creates, 429 storms, 418 bans, slow answers
 * (timeouts), creates whose answer hides their outcome (5xx, -1006, a gateway's 502 / 504), refused stream
 * connects, duplicated and reordered user-data events, and behaviours the wire reference marks unverified.
 */
public final class FakeFaults {

    private final Deque<ExchangeErrorKind> rejections = new ArrayDeque<>();
    private int tooManyRequests;
    private long tooManyRequestsUntilNanos = System.nanoTime(); // over before it began
    private int banned;
    private long retryAfterSeconds = 1;
    private boolean sendRetryAfter = true;
    private int slowAnswers;
    private long slowMs;
    private int refusedStreamConnects;
    private boolean triggeredStopsGetOwnIds;
    private int extraWeight;
    private int duplicatedUserEvents;
    private int reorderedUserEvents;
    private final Deque<Answer> createAnswers = new ArrayDeque<>();
    private final Map<Integer, Answer> batchItemAnswers = new HashMap<>();
    private final List<String> answeredClientIds = new ArrayList<>();
    private final Map<String, Map.Entry<String, String>> rewrites = new HashMap<>();

    /**
     * An answer the fake gives instead of the real one.
     *
     * @param status  the HTTP status
     * @param code    Binance's error code in a {@code {code,msg}} body, or {@code null} for a plain-text body (a
     *                gateway's 502 / 504)
     * @param message the {@code msg}, or the plain-text body
     * @param placed  whether the order reaches the book all the same (the outcome the answer hides)
     */
    public record Answer(int status, Integer code, String message, boolean placed) {
    }

    /** The next create is refused with the Binance error that maps to this kind. */
    public synchronized FakeFaults rejectNextCreate(ExchangeErrorKind kind) {
        rejections.add(kind);
        return this;
    }

    synchronized ExchangeErrorKind nextRejection() {
        return rejections.poll();
    }

    /**
     * The next create ({@code POST /fapi/v1/order}, or a whole {@code batchOrders}) is answered so; with
     * {@code placed} its orders rest on the book all the same.
     */
    public synchronized FakeFaults answerNextCreate(Answer answer) {
        createAnswers.add(answer);
        return this;
    }

    synchronized Answer nextCreateAnswer() {
        return createAnswers.poll();
    }

    /** In the next batch, the item at {@code index} is answered with {@code {code,msg}} (placed or not). */
    public synchronized FakeFaults answerBatchItem(int index, Answer answer) {
        batchItemAnswers.put(index, answer);
        return this;
    }

    synchronized Map<Integer, Answer> takeBatchItemAnswers() {
        Map<Integer, Answer> out = Map.copyOf(batchItemAnswers);
        batchItemAnswers.clear();
        return out;
    }

    synchronized void answered(String clientOrderId) {
        answeredClientIds.add(clientOrderId);
    }

    /** The client ids of the orders whose create got an answer of {@link #answerNextCreate} or {@link #answerBatchItem}. */
    public synchronized List<String> answeredClientIds() {
        return List.copyOf(answeredClientIds);
    }

    /**
     * The next successful answer to {@code route} (e.g. {@code "GET /fapi/v1/order"}) has {@code field} set to
     * {@code value}, in the object or in every object of the list: a value the venue may send one day.
     */
    public synchronized FakeFaults rewriteNextAnswer(String route, String field, String value) {
        rewrites.put(route, Map.entry(field, value));
        return this;
    }

    synchronized Map.Entry<String, String> takeRewrite(String route) {
        return rewrites.remove(route);
    }

    /** The next {@code count} requests get HTTP 429 (-1003), with a Retry-After header unless switched off. */
    public synchronized FakeFaults tooManyRequests(int count, long retryAfterSec, boolean withHeader) {
        this.tooManyRequests = count;
        this.retryAfterSeconds = retryAfterSec;
        this.sendRetryAfter = withHeader;
        return this;
    }

    /**
     * Every request for the next {@code forMs} milliseconds gets HTTP 429 (-1003) with a Retry-After, as when
     * other processes on the same IP spend the minute's weight.
     */
    public synchronized FakeFaults tooManyRequestsFor(long forMs, long retryAfterSec) {
        this.tooManyRequestsUntilNanos = System.nanoTime() + forMs * 1_000_000;
        this.retryAfterSeconds = retryAfterSec;
        this.sendRetryAfter = true;
        return this;
    }

    /** The next {@code count} requests get HTTP 418 (IP banned). */
    public synchronized FakeFaults ban(int count, long retryAfterSec) {
        this.banned = count;
        this.retryAfterSeconds = retryAfterSec;
        return this;
    }

    /** The next {@code count} answers are held back this long after the request took effect (a timeout). */
    public synchronized FakeFaults slowAnswers(int count, long ms) {
        this.slowAnswers = count;
        this.slowMs = ms;
        return this;
    }

    /** The next {@code count} WebSocket connects are refused (a reconnect that fails). */
    public synchronized FakeFaults refuseStreamConnects(int count) {
        this.refusedStreamConnects = count;
        return this;
    }

    /**
     * Unverified on the real venue: whether the market order a triggered stop becomes keeps the stop's client
     * id. Off (default): it does, and its order id is the algo id. On: it gets its own client and order ids,
     * named only by ALGO_UPDATE's {@code ai}.
     */
    public synchronized FakeFaults triggeredStopsGetOwnIds(boolean value) {
        this.triggeredStopsGetOwnIds = value;
        return this;
    }

    synchronized boolean triggeredStopsGetOwnIds() {
        return triggeredStopsGetOwnIds;
    }

    /** Reports this much more used weight than the requests made (other processes on the same IP). */
    public synchronized FakeFaults addUsedWeight(int weight) {
        this.extraWeight = weight;
        return this;
    }

    synchronized int extraWeight() {
        return extraWeight;
    }

    /** Each of the next {@code count} user-data events (orders, account) is delivered twice, as a venue may. */
    public synchronized FakeFaults duplicateUserEvents(int count) {
        this.duplicatedUserEvents = count;
        return this;
    }

    /**
     * {@code count} user-data events are delivered out of order: each is held back and sent after the event
     * that follows it (or on its own a quarter of a second later, when none follows).
     */
    public synchronized FakeFaults reorderUserEvents(int count) {
        this.reorderedUserEvents = count;
        return this;
    }

    synchronized boolean takeDuplicatedUserEvent() {
        if (duplicatedUserEvents > 0) {
            duplicatedUserEvents--;
            return true;
        }
        return false;
    }

    synchronized boolean takeReorderedUserEvent() {
        if (reorderedUserEvents > 0) {
            reorderedUserEvents--;
            return true;
        }
        return false;
    }

    synchronized int takeHttpRefusal() {
        if (banned > 0) {
            banned--;
            return 418;
        }
        if (tooManyRequests > 0) {
            tooManyRequests--;
            return 429;
        }
        return System.nanoTime() - tooManyRequestsUntilNanos < 0 ? 429 : 0;
    }

    synchronized long retryAfterSeconds() {
        return sendRetryAfter ? retryAfterSeconds : -1;
    }

    synchronized long takeSlowAnswer() {
        if (slowAnswers > 0) {
            slowAnswers--;
            return slowMs;
        }
        return 0;
    }

    synchronized boolean takeRefusedStreamConnect() {
        if (refusedStreamConnects > 0) {
            refusedStreamConnects--;
            return true;
        }
        return false;
    }
}
