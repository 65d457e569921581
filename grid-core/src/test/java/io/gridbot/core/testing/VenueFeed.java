package io.gridbot.core.testing;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.core.risk.PositionLegs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A {@link PaperVenue} as the shell delivers it to one grid: the venue's answers, plus what a shell and an
 * account shared with others add. Another grid's fills are that grid's ledger's share ({@link #othersNet}),
 * so a snapshot leaves its orders out and names the share; a stream may silently lose fill and position
 * events; a slow venue's snapshot arrives steps late.
 */
public final class VenueFeed {

    private final PaperVenue venue;
    private final GridConfig config;
    private final String tag;
    private final String otherTag = ClientOrderId.tagOf("another-grid");
    private final String otherPrefix = "gb_" + otherTag + "_";
    private final Map<String, Side> foreign = new HashMap<>();
    /** Slow answers and how many more steps they take. */
    private final Map<GridEvent, Integer> heldBack = new LinkedHashMap<>();
    private PositionLegs others = PositionLegs.FLAT;
    private boolean othersTraded;
    private long foreignSeq;
    private int lose;
    private int slowSteps;
    private boolean lateRequests;

    public VenueFeed(GridConfig config, BigDecimal initialPrice) {
        this.venue = new PaperVenue(config.rules(), initialPrice);
        this.config = config;
        this.tag = ClientOrderId.tagOf(config.name());
    }

    /**
     * Whether a slow snapshot shows the account as it is when it arrives (the request was slow to go out)
     * rather than as it was when asked for (the default: the answer was slow to come back, so the stream
     * events since then overtake it and the snapshot is older than they are).
     */
    public VenueFeed lateRequests(boolean value) {
        this.lateRequests = value;
        return this;
    }

    /** The venue's answers to the core's commands. */
    public List<GridEvent> answers(List<GridCommand> commands, long nowMs) {
        return deliver(venue.execute(commands, nowMs), false);
    }

    /** The market trades at this price: the stream's fill and position events. */
    public List<GridEvent> trade(BigDecimal price, long nowMs, BiFunction<PaperVenue.Resting, BigDecimal, BigDecimal> partial) {
        return deliver(venue.trade(price, nowMs, partial), true);
    }

    /** The venue ends the {@code which}-th resting order on its own. */
    public List<GridEvent> venueCancels(int which, long nowMs) {
        List<PaperVenue.Resting> open = venue.openOrders();
        if (open.isEmpty()) {
            return List.of();
        }
        PaperVenue.Resting r = open.get(which % open.size());
        String id = r.request.clientOrderId();
        GridCommand cancel = r.request.type() == OrderType.STOP_MARKET
                ? new GridCommand.CancelProtectiveStop(config.symbol(), id)
                : new GridCommand.CancelOrder(config.symbol(), id);
        return deliver(venue.execute(List.of(cancel), nowMs), true);
    }

    /**
     * Places an order the grid did not make: another grid's near the market ({@code ticksAway}), or a
     * person's far from it, where it never fills.
     */
    public List<GridEvent> placeForeign(boolean anotherGrid, Side side, long priceTicks, long ticksAway, long nowMs) {
        String id;
        long ticks;
        if (anotherGrid) {
            id = ClientOrderId.of(otherTag, ClientOrderId.Kind.ENTRY, side, 0, ++foreignSeq);
            ticks = side == Side.BUY ? priceTicks - ticksAway : priceTicks + ticksAway;
        } else {
            id = "manual-" + (++foreignSeq);
            ticks = side == Side.BUY ? priceTicks / 2 : priceTicks * 2;
        }
        foreign.put(id, side);
        OrderRequest request = OrderRequest.limit(id, config.symbol(), side,
                Scenario.TICK.multiply(BigDecimal.valueOf(ticks)), config.orderQty(), TimeInForce.GTC, false,
                config.positionMode().leg(side));
        return deliver(venue.placeByHand(request, nowMs), false);
    }

    /** The grid's last {@code count} executions from the venue's trade history, as the shell recovers them. */
    public GridEvent.ExecutionsRecovered recovered(int count, long nowMs) {
        List<GridEvent.Execution> ours = venue.history().stream().filter(e -> ours(e.clientOrderId())).toList();
        return new GridEvent.ExecutionsRecovered(nowMs, ours.subList(Math.max(0, ours.size() - count), ours.size()));
    }

    /** The stream silently loses the next {@code count} fill and position events. */
    public void loseNext(int count) {
        lose += count;
    }

    /** The next snapshot arrives {@code steps} steps late. */
    public void slowNextSnapshot(int steps) {
        slowSteps = steps;
    }

    /** A step passed: the slow answers whose time has come. */
    public List<GridEvent> dueAnswers(long nowMs) {
        List<GridEvent> due = new ArrayList<>();
        heldBack.replaceAll((e, steps) -> steps - 1);
        heldBack.entrySet().removeIf(held -> held.getValue() <= 0 && due.add(held.getKey()));
        return lateRequests ? due.stream().map(e -> (GridEvent) shellView(venue.snapshot(nowMs))).toList() : due;
    }

    /** The shell failed: a snapshot on its way is its failed fetch, and no answer follows. */
    public void failPending() {
        heldBack.clear();
    }

    /** The process restarted: answers to the old one are gone, the new one's streams are fresh. */
    public void reconnect() {
        heldBack.clear();
        lose = 0;
    }

    /** The venue behaves from now on; returns the answers it still owed. */
    public List<GridEvent> behave(long nowMs) {
        venue.behave();
        lose = 0;
        slowSteps = 0;
        heldBack.replaceAll((e, steps) -> 0);
        return dueAnswers(nowMs);
    }

    private List<GridEvent> deliver(List<GridEvent> events, boolean stream) {
        List<GridEvent> kept = new ArrayList<>(events.size());
        for (GridEvent e : events) {
            if (e instanceof GridEvent.OrderUpdate u && u.clientOrderId().startsWith(otherPrefix)
                    && u.lastFillQty() != null && u.lastFillQty().signum() > 0) {
                Side side = foreign.get(u.clientOrderId());
                others = others.plus(config.positionMode().leg(side), side == Side.BUY ? u.lastFillQty()
                        : u.lastFillQty().negate());
                othersTraded = true;
            }
            if (e instanceof GridEvent.ExchangeSnapshot snapshot) {
                e = shellView(snapshot);
                if (slowSteps > 0) {
                    heldBack.put(e, slowSteps);
                    slowSteps = 0;
                    continue;
                }
            }
            if (stream && lose > 0 && (e instanceof GridEvent.OrderUpdate || e instanceof GridEvent.PositionUpdate)) {
                lose--;
            } else {
                kept.add(e);
            }
        }
        return kept;
    }

    /** The snapshot as the shell hands it to this grid: other grids' orders left out, their share named. */
    private GridEvent.ExchangeSnapshot shellView(GridEvent.ExchangeSnapshot snapshot) {
        return new GridEvent.ExchangeSnapshot(snapshot.atMs(), snapshot.openOrders().stream()
                .filter(o -> !o.clientOrderId().startsWith(otherPrefix)).toList(), snapshot.position(), others);
    }

    public PaperVenue venue() {
        return venue;
    }

    /** The part of the venue's position that other grids' ledgers hold. */
    public BigDecimal othersNet() {
        return others.net();
    }

    /** Whether another grid's order filled: the account's net then mixes two grids. */
    public boolean othersTraded() {
        return othersTraded;
    }

    /** The venue's position that is this grid's to hold: all of it but other grids' share. */
    public BigDecimal ownPosition() {
        return ownLegs().net();
    }

    /** The same, per leg. */
    public PositionLegs ownLegs() {
        return venue.legs().minus(others);
    }

    /** Whether this grid placed the order: its tag in the client id. */
    public boolean ours(String clientOrderId) {
        return ClientOrderId.parse(clientOrderId).filter(p -> p.tag().equals(tag)).isPresent();
    }
}
