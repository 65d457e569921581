package io.gridbot.runner.replay;

import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.PositionSide;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.ForwardingAdapter;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.account.PositionSnapshot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Stands between the engine and the simulator and keeps every order the grid sent and every refusal the venue
 * answered it with, and reads the venue's legs: what the hedge-mode replay tests hold the grid against.
 */
final class RecordingAdapter extends ForwardingAdapter {

    /** One refused create: the request, the venue's answer and what the venue held on the request's leg then. */
    record Refused(OrderRequest request, ExchangeException refusal, BigDecimal heldOnLeg) {
        @Override
        public String toString() {
            return request.clientOrderId() + " " + request.side() + " " + request.positionSide() + " "
                    + request.quantity() + " @ " + request.price() + " refused " + refusal.kind() + " "
                    + refusal.venueCode() + " " + refusal.venueMessage() + " (the leg held " + heldOnLeg + ")";
        }
    }

    final List<OrderRequest> sent = new ArrayList<>();
    final List<Refused> refused = new ArrayList<>();

    RecordingAdapter(ExchangeAdapter venue) {
        super(venue);
    }

    @Override
    public OrderAck createOrder(OrderRequest request) throws ExchangeException {
        sent.add(request);
        try {
            return venue.createOrder(request);
        } catch (ExchangeException e) {
            refused.add(new Refused(request, e, legs(request.symbol()).get(request.positionSide())));
            throw e;
        }
    }

    /** The venue's signed quantity per leg of the symbol (BOTH, LONG, SHORT; a leg it does not report is zero). */
    Map<PositionSide, BigDecimal> legs(String symbol) throws ExchangeException {
        Map<PositionSide, BigDecimal> out = new EnumMap<>(PositionSide.class);
        for (PositionSide s : PositionSide.values()) {
            out.put(s, BigDecimal.ZERO);
        }
        for (PositionSnapshot p : venue.positions(symbol)) {
            out.merge(p.positionSide(), p.netQty(), BigDecimal::add);
        }
        return out;
    }
}
