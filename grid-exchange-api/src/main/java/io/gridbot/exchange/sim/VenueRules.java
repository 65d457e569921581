package io.gridbot.exchange.sim;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.exchange.ExchangeException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The listed symbols' trading rules and the checks a request must pass before it reaches the book, in the
 * venue's order: client-id uniqueness among open orders, the open-order cap, a market price for market
 * orders, step, tick, minimum quantity, minimum notional (waived for reduce-only orders, as Binance does),
 * and reduce-only against the position. Before those, the position side against the account's mode: BOTH in
 * one-way mode, LONG or SHORT in hedge mode, where reduce-only is refused and a close (SELL LONG, BUY SHORT) may
 * not exceed its leg; a close is waived the minimum notional as a reduce-only order is. Refusals come out in
 * the {@link VenueDialect}'s words.
 */
final class VenueRules {

    private final Map<String, SymbolRules> rules = new HashMap<>();
    private final VenueDialect dialect;

    VenueRules(VenueDialect dialect) {
        this.dialect = dialect;
    }

    void list(SymbolRules symbolRules) {
        rules.put(symbolRules.symbol(), symbolRules);
    }

    /** The symbol's rules, or an unknown-symbol refusal. */
    SymbolRules of(String symbol) throws ExchangeException {
        SymbolRules r = rules.get(symbol);
        if (r == null) {
            throw refuse(Refusal.UNKNOWN_SYMBOL, null);
        }
        return r;
    }

    ExchangeException refuse(Refusal refusal, SymbolRules symbolRules) {
        return dialect.refuse(refusal, symbolRules, 0);
    }

    ExchangeException refuse(Refusal refusal, long retryAfterMs) {
        return dialect.refuse(refusal, null, retryAfterMs);
    }

    /**
     * Checks a limit or market order against the book it would join.
     *
     * @param reducible how much the position (in hedge mode, the order's leg) lets the order reduce
     * @param hedged    whether the account is in hedge mode
     */
    void validate(OrderBook book, OrderRequest q, BigDecimal reducible, boolean hedged) throws ExchangeException {
        SymbolRules r = rules.get(q.symbol());
        checkPositionSide(q, hedged, r);
        if (hedged && q.reduceOnly()) {
            throw refuse(Refusal.REDUCE_ONLY_IN_HEDGE_MODE, r);
        }
        if (book.holds(q.clientOrderId())) {
            throw refuse(Refusal.DUPLICATE_CLIENT_ID, r);
        }
        if (book.size() >= r.maxOpenOrders()) {
            throw refuse(Refusal.MAX_OPEN_ORDERS, r);
        }
        if (q.type() == OrderType.MARKET && book.last == null) {
            throw refuse(Refusal.NO_MARKET_PRICE, r);
        }
        if (q.quantity() == null || q.quantity().signum() <= 0 || !r.onStep(q.quantity())) {
            throw refuse(Refusal.QUANTITY_PRECISION, r);
        }
        if (q.type() == OrderType.LIMIT && (q.price().signum() <= 0 || !r.onTick(q.price()))) {
            throw refuse(Refusal.PRICE_OFF_TICK, r);
        }
        if (q.quantity().compareTo(r.minQty()) < 0) {
            throw refuse(Refusal.QUANTITY_BELOW_MINIMUM, r);
        }
        BigDecimal price = q.type() == OrderType.MARKET ? book.last : q.price();
        boolean closes = SimPosition.closesLeg(q);
        if (!q.reduceOnly() && !closes && price.multiply(q.quantity()).compareTo(r.minNotional()) < 0) {
            throw refuse(Refusal.NOTIONAL_BELOW_MINIMUM, r);
        }
        if (q.reduceOnly() && reducible.signum() == 0) {
            throw refuse(Refusal.REDUCE_ONLY_WOULD_OPEN, r);
        }
        if (closes && q.quantity().compareTo(reducible) > 0) {
            throw refuse(Refusal.CLOSE_EXCEEDS_LEG, r);
        }
    }

    /** BOTH in one-way mode, a leg in hedge mode: anything else is Binance's -4061. */
    private void checkPositionSide(OrderRequest q, boolean hedged, SymbolRules r) throws ExchangeException {
        if (hedged == (q.positionSide() == PositionSide.BOTH)) {
            throw refuse(Refusal.POSITION_SIDE_MISMATCH, r);
        }
    }

    /** Checks a protective stop: a close-position STOP_MARKET, a fresh client id, a trigger on the tick. */
    void validateStop(OrderBook book, OrderRequest stop, boolean hedged) throws ExchangeException {
        SymbolRules r = rules.get(stop.symbol());
        checkPositionSide(stop, hedged, r);
        if (stop.type() != OrderType.STOP_MARKET || !stop.closePosition()) {
            throw refuse(Refusal.UNSUPPORTED_STOP, r);
        }
        if (book.holds(stop.clientOrderId())) {
            throw refuse(Refusal.DUPLICATE_CLIENT_ID, r);
        }
        if (!r.onTick(stop.stopPrice())) {
            throw refuse(Refusal.PRICE_OFF_TICK, r);
        }
    }
}
