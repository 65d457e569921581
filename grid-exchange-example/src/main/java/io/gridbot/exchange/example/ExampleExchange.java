package io.gridbot.exchange.example;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.ForwardingAdapter;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.sim.SimulatedExchange;
import java.util.List;

/**
 * The example venue's adapter: the simulator, answering to the code {@code example} and refusing, as a strict venue
 * does, every client order id that breaks its rule ({@link ExampleVenueProvider#CLIENT_IDS}). The runner never sends
 * it one: it sends the core's ids through the provider's codec.
 */
public final class ExampleExchange extends ForwardingAdapter {

    private final SimulatedExchange simulator;

    ExampleExchange(SimulatedExchange simulator) {
        super(simulator);
        this.simulator = simulator;
    }

    /** The simulator behind the venue, whose market a test moves ({@code trade}, {@code advanceTo}, faults). */
    public SimulatedExchange simulator() {
        return simulator;
    }

    @Override
    public String venue() {
        return ExampleVenueProvider.CODE;
    }

    @Override
    public OrderAck createOrder(OrderRequest request) throws ExchangeException {
        return venue.createOrder(checked(request));
    }

    @Override
    public List<Result<OrderAck>> createOrders(List<OrderRequest> requests) {
        if (requests.stream().anyMatch(r -> ExampleVenueProvider.CLIENT_IDS.problem(r.clientOrderId()).isPresent())) {
            return super.createOrders(requests); // one by one, so each refused id is refused on its own
        }
        return venue.createOrders(requests);
    }

    @Override
    public void cancelOrder(String symbol, String clientOrderId) throws ExchangeException {
        venue.cancelOrder(symbol, checked(clientOrderId));
    }

    @Override
    public OrderState queryOrder(String symbol, String clientOrderId) throws ExchangeException {
        return venue.queryOrder(symbol, checked(clientOrderId));
    }

    @Override
    public OrderAck placeProtectiveStop(OrderRequest stop) throws ExchangeException {
        return venue.placeProtectiveStop(checked(stop));
    }

    @Override
    public void cancelProtectiveStop(String symbol, String clientOrderId) throws ExchangeException {
        venue.cancelProtectiveStop(symbol, checked(clientOrderId));
    }

    private static OrderRequest checked(OrderRequest request) throws ExchangeException {
        checked(request.clientOrderId());
        return request;
    }

    private static String checked(String clientOrderId) throws ExchangeException {
        var problem = ExampleVenueProvider.CLIENT_IDS.problem(clientOrderId);
        if (problem.isPresent()) {
            throw new ExchangeException(ExchangeErrorKind.OTHER, "51000", "clOrdId: " + problem.get());
        }
        return clientOrderId;
    }
}
