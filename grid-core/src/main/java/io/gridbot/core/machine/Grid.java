package io.gridbot.core.machine;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.log.EventLog;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.OrderOwnership;
import io.gridbot.core.status.GridStatus;

/**
 * The parts of one grid's decision core, wired to each other. Each part owns one concern and its state and
 * reaches the others through here; {@link GridMachine} routes events to them.
 */
final class Grid {

    final GridConfig config;
    final String tag;
    final OrderOwnership owner;
    final Outbox out;
    final OrderIds ids;
    final Lifecycle lifecycle;
    final Market market;
    final Lines lines;
    final WorkingOrders orders;
    final OrderStream orderStream;
    final FillBook book;
    final Sync sync;
    final Rejections rejections;
    final VenueSync venue;
    final SnapshotAdoption adoption;
    final StreamWatch streams;
    final ProtectiveStops stop;
    final Flattening flattening;
    final OrphanCancels orphans;

    Grid(GridConfig config, VenueCheck venueCheck) {
        this.config = config.requireValid();
        this.tag = ClientOrderId.tagOf(config.name());
        this.owner = new OrderOwnership(tag);
        this.out = new Outbox(new EventLog(config.logCapacity()));
        this.ids = new OrderIds(tag);
        this.lifecycle = new Lifecycle(this);
        this.market = new Market(this);
        this.lines = new Lines(this);
        this.orders = new WorkingOrders(this);
        this.orderStream = new OrderStream(this);
        this.book = new FillBook(this);
        this.sync = new Sync(this);
        this.rejections = new Rejections(this);
        this.venue = new VenueSync(this, venueCheck);
        this.adoption = new SnapshotAdoption(this);
        this.streams = new StreamWatch(this);
        this.stop = new ProtectiveStops(this);
        this.flattening = new Flattening(this);
        this.orphans = new OrphanCancels(this);
    }

    long nowMs() {
        return out.nowMs();
    }

    GridStatus status() {
        return lifecycle.status();
    }
}
