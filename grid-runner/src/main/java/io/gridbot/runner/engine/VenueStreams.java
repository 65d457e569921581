package io.gridbot.runner.engine;

import io.gridbot.core.event.GridEvent;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.Subscription;
import io.gridbot.exchange.stream.OrderEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * One grid's ears on the venue: subscribes to its symbol's ticker and to the account's orders, positions and
 * stream health, and passes on, as core events, what concerns the grid: its symbol, and of the orders only
 * its own (never another grid's on the same account, nor a person's). Callbacks come on the adapter's
 * threads; the inbox they feed is thread-safe.
 */
final class VenueStreams implements AutoCloseable {

    private final VenueLink link;
    private final VenueCallWatch watch;
    private final List<Subscription> subscriptions = new ArrayList<>();

    VenueStreams(VenueLink link) {
        this(link, VenueCallWatch.NONE);
    }

    /** @param watch hears every change of the streams' health */
    VenueStreams(VenueLink link, VenueCallWatch watch) {
        this.link = link;
        this.watch = watch;
    }

    /** Subscribes to the four streams. */
    void attach() {
        ExchangeAdapter adapter = link.adapter();
        String symbol = link.symbol();
        subscriptions.add(adapter.watchTicker(symbol, e -> VenueTranslation.priceTick(e).ifPresent(link::tell)));
        subscriptions.add(adapter.watchOrders(this::onOrder));
        subscriptions.add(adapter.watchAccount(e -> VenueTranslation.positionUpdates(e, symbol).forEach(link::tell)));
        subscriptions.add(adapter.watchHealth(e -> {
            GridEvent.StreamHealth health = VenueTranslation.streamHealth(e);
            watch.streamHealth(health.state(), health.atMs());
            link.tell(health);
        }));
    }

    private void onOrder(OrderEvent e) {
        if (link.symbol().equals(e.symbol()) && link.owner().ours(e.clientOrderId())) { // not another grid's, nor a person's
            link.tell(VenueTranslation.orderUpdate(e));
        }
    }

    /** Hears the venue no more. */
    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }
}
