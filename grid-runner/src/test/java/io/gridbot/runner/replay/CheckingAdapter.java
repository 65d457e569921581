package io.gridbot.runner.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.Side;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ForwardingAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderAck;
import java.math.BigDecimal;

/**
 * Stands between the engine and the simulator and checks the spec's invariants on every create: prices on
 * the tick, quantities on the step, entries never reduce-only and exits always, and the worst-case position
 * (held plus every resting entry in that direction) within the grid's limit.
 */
final class CheckingAdapter extends ForwardingAdapter {

    private final GridConfig config;
    private long creates;

    CheckingAdapter(ExchangeAdapter venue, GridConfig config) {
        super(venue);
        this.config = config;
    }

    long creates() {
        return creates;
    }

    @Override
    public OrderAck createOrder(OrderRequest request) throws ExchangeException {
        creates++;
        SymbolRules rules = config.rules();
        ClientOrderId.Parsed id = ClientOrderId.parse(request.clientOrderId()).orElseThrow();
        if (request.type() == OrderType.LIMIT) {
            assertThat(rules.onTick(request.price())).as("price on the tick").isTrue();
            assertThat(rules.onStep(request.quantity())).as("quantity on the step").isTrue();
            assertThat(request.reduceOnly()).as("exits and only exits are reduce-only")
                    .isEqualTo(id.kind() == ClientOrderId.Kind.EXIT);
        }
        if (request.type() == OrderType.MARKET) {
            assertThat(request.reduceOnly()).as("a close is reduce-only").isTrue();
        }
        OrderAck ack = venue.createOrder(request);
        checkWorstCase();
        return ack;
    }

    private void checkWorstCase() throws ExchangeException {
        BigDecimal net = venue.position(config.symbol()).netQty();
        BigDecimal longWorst = net.max(BigDecimal.ZERO);
        BigDecimal shortWorst = net.negate().max(BigDecimal.ZERO);
        for (OpenOrder o : venue.openOrders(config.symbol())) {
            if (o.type() == OrderType.LIMIT && !o.reduceOnly()) {
                BigDecimal rest = o.origQty().subtract(o.filledQty());
                if (o.side() == Side.BUY) {
                    longWorst = longWorst.add(rest);
                } else {
                    shortWorst = shortWorst.add(rest);
                }
            }
        }
        assertThat(longWorst).as("worst-case long").isLessThanOrEqualTo(config.maxPosition());
        assertThat(shortWorst).as("worst-case short").isLessThanOrEqualTo(config.maxPosition());
    }

    @Override
    public OrderAck placeProtectiveStop(OrderRequest stop) throws ExchangeException {
        assertThat(stop.closePosition()).isTrue();
        assertThat(config.rules().onTick(stop.stopPrice())).isTrue();
        return venue.placeProtectiveStop(stop);
    }
}
