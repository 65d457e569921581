package io.gridbot.runner.daemon;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.ForwardingAdapter;
import io.gridbot.exchange.OrderAck;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One grid's view of a venue that sends nothing while the grid's daemon may not trade it: every create,
 * cancel and protective stop is refused before it leaves the process, as a request that never reached the
 * venue ({@link ExchangeErrorKind#NETWORK}). Reads and streams pass. The last gate before the wire: even a
 * command the engine issued a moment before its daemon fenced itself sends nothing after the fencing time.
 * Closing it leaves the venue open (the daemon's other grids use it).
 */
final class FencedVenue extends ForwardingAdapter {

    private final BooleanSupplier mayTrade;

    FencedVenue(ExchangeAdapter venue, BooleanSupplier mayTrade) {
        super(venue);
        this.mayTrade = mayTrade;
    }

    private void gate() throws ExchangeException {
        if (!mayTrade.getAsBoolean()) {
            throw new ExchangeException(ExchangeErrorKind.NETWORK, null,
                    "not sent: this daemon's lease on the grid is not renewed, so it sends no orders");
        }
    }

    @Override
    public OrderAck createOrder(OrderRequest request) throws ExchangeException {
        gate();
        return venue.createOrder(request);
    }

    @Override
    public List<Result<OrderAck>> createOrders(List<OrderRequest> requests) {
        try {
            gate();
        } catch (ExchangeException e) {
            return requests.stream().map(r -> Result.<OrderAck>failed(e)).toList();
        }
        return venue.createOrders(requests); // the venue's batches, when it has them
    }

    @Override
    public void cancelOrder(String symbol, String clientOrderId) throws ExchangeException {
        gate();
        venue.cancelOrder(symbol, clientOrderId);
    }

    @Override
    public void cancelAllOrders(String symbol) throws ExchangeException {
        gate();
        venue.cancelAllOrders(symbol);
    }

    @Override
    public OrderAck placeProtectiveStop(OrderRequest stop) throws ExchangeException {
        gate();
        return venue.placeProtectiveStop(stop);
    }

    @Override
    public void cancelProtectiveStop(String symbol, String clientOrderId) throws ExchangeException {
        gate();
        venue.cancelProtectiveStop(symbol, clientOrderId);
    }

    @Override
    public void close() {
        // the venue is the daemon's, shared by its grids: it closes it
    }
}
