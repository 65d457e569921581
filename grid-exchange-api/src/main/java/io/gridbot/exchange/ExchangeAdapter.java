package io.gridbot.exchange;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.exchange.account.Balance;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.DepthEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.StreamHealthEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a venue must offer a grid: requests, streams and symbol rules, in venue-neutral terms. One
 * adapter serves one account on one venue and may serve many grids.
 *
 * <p><b>Threading.</b> Request methods are blocking and thread-safe: the runner calls them from many virtual
 * threads at once (a cancel-all never waits on one cancel). They throw {@link ExchangeException}
 * with the error taxonomy; a request whose outcome is unknown (a create that timed out) throws
 * {@code TIMEOUT_UNKNOWN}, never a guess.
 *
 * <p><b>Events.</b> Listeners are called from the adapter's own threads, one event at a time per
 * subscription, in the order the venue sent them; for one order, its events arrive in order and before the
 * account event they caused. Listeners must return quickly (the runner only enqueues) and may call request
 * methods, also from inside the callback. An event the adapter cannot parse is logged and skipped.
 *
 * <p><b>Health.</b> When a stream drops the adapter reports {@code DISCONNECTED}, reconnects on its schedule
 * reporting {@code RECONNECTING} with the attempt number, resubscribes every stream and resynchronises, then
 * reports {@code CONNECTED}; after the last failed attempt it reports {@code GAVE_UP}.
 */
public interface ExchangeAdapter extends AutoCloseable {

    /** The venue's code, as grid configurations name it: {@code simulated}, {@code binance}, … */
    String venue();

    /** What this venue can do beyond the basics. */
    Capabilities capabilities();

    /** The symbol's tick, step, minimums and open-order cap. */
    SymbolRules symbolRules(String symbol) throws ExchangeException;

    /** Creates an order; the client id must be unique among the symbol's open orders. */
    OrderAck createOrder(OrderRequest request) throws ExchangeException;

    /**
     * Creates several orders, in batches where the venue has them. The result has one entry per request,
     * in order: the ack, or the exception for that order.
     */
    default List<Result<OrderAck>> createOrders(List<OrderRequest> requests) {
        List<Result<OrderAck>> results = new ArrayList<>(requests.size());
        for (OrderRequest request : requests) {
            try {
                results.add(Result.ok(createOrder(request)));
            } catch (ExchangeException e) {
                results.add(Result.failed(e));
            }
        }
        return results;
    }

    /** Cancels one order by client id; {@code UNKNOWN_ORDER} when it is not open. */
    void cancelOrder(String symbol, String clientOrderId) throws ExchangeException;

    /** Cancels every open order on the symbol (not protective stops, which have their own cancel). */
    void cancelAllOrders(String symbol) throws ExchangeException;

    /** The symbol's open orders, protective stops included. */
    List<OpenOrder> openOrders(String symbol) throws ExchangeException;

    /** One order by client id, open or recently closed; {@code UNKNOWN_ORDER} when the venue has none. */
    OrderState queryOrder(String symbol, String clientOrderId) throws ExchangeException;

    /**
     * The position on the symbol. In one-way mode the net position ({@code BOTH}); in hedge mode the two legs
     * netted into one {@code BOTH} snapshot (quantities and unrealized PnL summed; the entry price of the only
     * open leg, zero when both or neither are open): read {@link #positions} for the legs themselves.
     */
    PositionSnapshot position(String symbol) throws ExchangeException;

    /**
     * The symbol's position legs as the venue reports them: one {@code BOTH} snapshot in one-way mode; in hedge
     * mode the {@code LONG} leg then the {@code SHORT} leg, both always, flat ones too (as Binance's
     * {@code positionRisk} lists them). The default is {@link #position} alone, right for a one-way venue.
     */
    default List<PositionSnapshot> positions(String symbol) throws ExchangeException {
        return List.of(position(symbol));
    }

    /**
     * The account's position mode, account-wide as on Binance ({@code dualSidePosition}). The default is
     * {@code ONE_WAY}, for a venue that has no other.
     */
    default PositionMode positionMode() throws ExchangeException {
        return PositionMode.ONE_WAY;
    }

    /**
     * Switches the account's position mode. The venue refuses (kind {@code OTHER}) when the account is in that
     * mode already, or while it holds any position or open order on any symbol; the default, for a one-way-only
     * venue, refuses every request.
     */
    default void changePositionMode(PositionMode mode) throws ExchangeException {
        throw new ExchangeException(ExchangeErrorKind.OTHER, null, mode == PositionMode.ONE_WAY
                ? "the account is in one-way position mode already" : "the venue has no hedge position mode");
    }

    /** The account's executions on the symbol since {@code fromMs}, oldest first (the venue's trade history). */
    List<TradeRecord> trades(String symbol, long fromMs) throws ExchangeException;

    /** The account's margin balances. */
    List<Balance> balances() throws ExchangeException;

    /**
     * Places a venue-side stop that closes the whole position when its stop price trades (on Binance, the
     * algo-order endpoint). Venues without one throw {@code OTHER} and say so in {@link #capabilities()}.
     */
    OrderAck placeProtectiveStop(OrderRequest stop) throws ExchangeException;

    /** Cancels a protective stop by client id. */
    void cancelProtectiveStop(String symbol, String clientOrderId) throws ExchangeException;

    /** Best bid, ask and last trade of a symbol. */
    Subscription watchTicker(String symbol, Consumer<TickerEvent> listener);

    /** The top of the book of a symbol. */
    Subscription watchDepth(String symbol, Consumer<DepthEvent> listener);

    /** Every order change on the account. */
    Subscription watchOrders(Consumer<OrderEvent> listener);

    /** Balance and position changes on the account. */
    Subscription watchAccount(Consumer<AccountEvent> listener);

    /** The streams' health. */
    Subscription watchHealth(Consumer<StreamHealthEvent> listener);

    /** Closes every stream and releases resources; the adapter is unusable afterwards. */
    @Override
    void close();

    /**
     * The outcome of one request in a batch.
     *
     * @param value the result when it succeeded, else {@code null}
     * @param error the failure, else {@code null}
     */
    record Result<T>(T value, ExchangeException error) {
        public static <T> Result<T> ok(T value) {
            return new Result<>(value, null);
        }

        public static <T> Result<T> failed(ExchangeException error) {
            return new Result<>(null, error);
        }

        public boolean ok() {
            return error == null;
        }
    }
}
