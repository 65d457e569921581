package io.gridbot.runner.engine;

import io.gridbot.core.event.GridEvent;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.OrderEvent;
import io.gridbot.exchange.stream.StreamHealthEvent;
import io.gridbot.exchange.stream.TickerEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the venue says, as the core's events: its streams' ticker, order, account and health events, and the
 * answers and failures of the calls the engine makes. Plain mapping; which events reach a grid at all is
 * decided where they are received ({@link VenueStreams}, {@link ExecutionRecovery}).
 */
final class VenueTranslation {

    private VenueTranslation() {
    }

    /** A trade price; nothing for a ticker event without one. */
    static Optional<GridEvent> priceTick(TickerEvent e) {
        BigDecimal price = e.price();
        return price == null ? Optional.empty() : Optional.of(new GridEvent.PriceTick(e.atMs(), price));
    }

    static GridEvent.OrderUpdate orderUpdate(OrderEvent e) {
        return new GridEvent.OrderUpdate(e.atMs(), e.clientOrderId(), e.exchangeOrderId(), e.status(),
                e.cumFilledQty(), e.lastFillQty(), e.lastFillPrice(), e.fee(), e.feeAsset(), e.tradeId());
    }

    /**
     * The account's position legs in {@code symbol}, one update for each of the symbol's rows in the event: its
     * one-way ({@code BOTH}) net position, or a hedge-mode leg ({@code LONG}, {@code SHORT}) on its own. Legs are
     * never summed: Binance's account event lists only the legs that changed, so a leg missing from it keeps
     * the quantity the core last heard.
     */
    static List<GridEvent> positionUpdates(AccountEvent e, String symbol) {
        List<GridEvent> out = new ArrayList<>();
        for (PositionSnapshot p : e.positions()) {
            if (symbol.equals(p.symbol())) {
                out.add(new GridEvent.PositionUpdate(e.atMs(), p.positionSide(), p.netQty()));
            }
        }
        return List.copyOf(out);
    }

    static GridEvent.StreamHealth streamHealth(StreamHealthEvent e) {
        return new GridEvent.StreamHealth(e.atMs(), e.state(), e.attempt());
    }

    /**
     * A create the venue accepted, heard at {@code atMs}: the order exists and has its venue id. Its fills are
     * booked from the order stream (or, if the stream missed them, from the trade history after the next
     * reconciliation), each with the venue's trade id, so the ledger never holds one execution under two names.
     */
    static GridEvent.OrderUpdate accepted(OrderAck ack, long atMs) {
        return new GridEvent.OrderUpdate(atMs, ack.clientOrderId(), ack.exchangeOrderId(), OrderStatus.NEW,
                BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.ZERO, null, null);
    }

    /** The venue's answer to a query about one order. */
    static GridEvent.OrderUpdate answered(OrderState s) {
        return new GridEvent.OrderUpdate(s.updateTimeMs(), s.clientOrderId(), s.exchangeOrderId(), s.status(),
                s.cumFilledQty(), BigDecimal.ZERO, s.avgPrice(), BigDecimal.ZERO, null, null);
    }

    /**
     * The venue's answer to a query about one order, with the order's executions: each as the stream tells a
     * fill (its quantity, price, fee and trade id), cumulative quantities counted back from the answer's, and the
     * answer's status on the last. Fills the history does not list yet follow as the answer itself, without a
     * trade id.
     */
    static List<GridEvent> answered(OrderState s, List<TradeRecord> executions) {
        List<GridEvent> updates = new ArrayList<>();
        BigDecimal cum = s.cumFilledQty();
        for (TradeRecord t : executions) {
            cum = cum.subtract(t.qty());
        }
        if (cum.signum() < 0) {
            return List.of(answered(s)); // the history lists more than the answer: it is the older of the two
        }
        boolean all = cum.signum() == 0;
        for (int i = 0; i < executions.size(); i++) {
            TradeRecord t = executions.get(i);
            cum = cum.add(t.qty());
            boolean last = all && i == executions.size() - 1;
            updates.add(new GridEvent.OrderUpdate(t.atMs(), s.clientOrderId(), s.exchangeOrderId(),
                    last ? s.status() : OrderStatus.PARTIALLY_FILLED, cum, t.qty(), t.price(), t.fee(), t.feeAsset(),
                    t.tradeId()));
        }
        if (!all) {
            updates.add(answered(s));
        }
        return updates;
    }

    /** One execution of the venue's trade history. */
    static GridEvent.Execution execution(TradeRecord t) {
        return new GridEvent.Execution(t.clientOrderId(), t.exchangeOrderId(), t.tradeId(), t.side(), t.price(),
                t.qty(), t.fee(), t.feeAsset(), t.atMs());
    }

    /** A create or a query the venue refused. */
    static GridEvent.OrderRejected orderRefused(long atMs, String clientOrderId, ExchangeException e) {
        return new GridEvent.OrderRejected(atMs, clientOrderId, e.kind(), e.retryAfterMs(), e.venueCode(),
                e.venueMessage());
    }

    /** A create or a query that failed in the adapter, taken as a venue error of {@code kind}. */
    static GridEvent.OrderRejected orderFailed(long atMs, String clientOrderId, ExchangeErrorKind kind,
            RuntimeException e) {
        return new GridEvent.OrderRejected(atMs, clientOrderId, kind, 0, null, e.toString());
    }

    /** A cancel the venue refused. */
    static GridEvent.CancelRejected cancelRefused(long atMs, String clientOrderId, ExchangeException e) {
        return new GridEvent.CancelRejected(atMs, clientOrderId, e.kind(), e.venueMessage());
    }

    /** A cancel that failed in the adapter, taken as a network error. */
    static GridEvent.CancelRejected cancelFailed(long atMs, String clientOrderId, RuntimeException e) {
        return new GridEvent.CancelRejected(atMs, clientOrderId, ExchangeErrorKind.NETWORK, e.toString());
    }
}
