package io.gridbot.core.machine;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.event.GridEvent.CancelRejected;
import io.gridbot.core.event.GridEvent.OrderRejected;
import io.gridbot.core.event.GridEvent.OrderUpdate;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.PositionSide;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The grid's venue-side protective stops, one per position leg it trades: the net in one-way mode; in hedge mode
 * the long leg (a sell stop at the lower stop-loss line), the short leg (a buy stop at the upper one), or both for
 * a neutral grid. Each venue stop closes its own leg whole, so each leg is protected on its own.
 */
final class ProtectiveStops {

    private final Grid g;
    private final List<ProtectiveStop> stops = new ArrayList<>();

    ProtectiveStops(Grid g) {
        this.g = g;
        for (PositionSide leg : legs(g.config.positionMode(), g.config.mode())) {
            stops.add(new ProtectiveStop(g, leg));
        }
    }

    private static List<PositionSide> legs(PositionMode positionMode, GridMode mode) {
        if (positionMode == PositionMode.ONE_WAY) {
            return List.of(PositionSide.BOTH);
        }
        return switch (mode) {
            case LONG -> List.of(PositionSide.LONG);
            case SHORT -> List.of(PositionSide.SHORT);
            case NEUTRAL -> List.of(PositionSide.LONG, PositionSide.SHORT);
        };
    }

    /** True when any stop is tracked. */
    boolean exists() {
        return stops.stream().anyMatch(ProtectiveStop::exists);
    }

    /** True when the id is one of the protective stops'. */
    boolean is(String clientOrderId) {
        return owner(clientOrderId) != null;
    }

    private ProtectiveStop owner(String clientOrderId) {
        for (ProtectiveStop stop : stops) {
            if (stop.is(clientOrderId)) {
                return stop;
            }
        }
        return null;
    }

    /** The stop that closes {@code leg}, or {@code null} when the grid keeps none there. */
    private ProtectiveStop on(PositionSide leg) {
        for (ProtectiveStop stop : stops) {
            if (stop.leg() == leg) {
                return stop;
            }
        }
        return null;
    }

    /** Each tracked stop order. */
    void forEachOrder(Consumer<TrackedOrder> action) {
        for (ProtectiveStop stop : stops) {
            if (stop.order() != null) {
                action.accept(stop.order());
            }
        }
    }

    /**
     * The earliest moment still ahead at which a refused stop may be sent again, or 0 when none waits: one leg's
     * past or unset retry must not hide the other leg's.
     */
    long retryAtMs(long nowMs) {
        return stops.stream().mapToLong(ProtectiveStop::retryAtMs).filter(at -> at > nowMs).min().orElse(0);
    }

    /**
     * Places, replaces or keeps each leg's stop. Not before the grid has seen the venue in this process: a stop
     * of an earlier run may rest there, and a second one on its leg could close a later position.
     */
    void maintain() {
        if (g.adoption.reconciled()) {
            stops.forEach(ProtectiveStop::maintain);
        }
    }

    void onUpdate(OrderUpdate u) {
        owner(u.clientOrderId()).onUpdate(u);
    }

    void onRejected(OrderRejected r) {
        owner(r.clientOrderId()).onRejected(r);
    }

    void onCancelRejected(CancelRejected r) {
        owner(r.clientOrderId()).onCancelRejected(r);
    }

    /** The stops in flight the snapshot may not show yet, by leg, carried over a reconciliation. */
    Map<PositionSide, TrackedOrder> inFlightAbsentFrom(Set<String> onVenue) {
        Map<PositionSide, TrackedOrder> inFlight = new EnumMap<>(PositionSide.class);
        for (ProtectiveStop stop : stops) {
            TrackedOrder order = stop.inFlightAbsentFrom(onVenue);
            if (order != null) {
                inFlight.put(stop.leg(), order);
            }
        }
        return inFlight;
    }

    /**
     * After a reconciliation: each leg's stop in flight, replaced by the one the venue shows on that leg. A resting
     * stop on a leg the grid keeps no stop for is cancelled.
     */
    void reconciled(Map<PositionSide, TrackedOrder> inFlight, List<OpenOrder> resting) {
        for (ProtectiveStop stop : stops) {
            stop.reconciled(inFlight.get(stop.leg()), resting.stream()
                    .filter(o -> o.positionSide() == stop.leg()).findFirst().orElse(null));
        }
        for (OpenOrder order : resting) {
            if (on(order.positionSide()) == null) {
                g.out.add(new GridCommand.CancelProtectiveStop(g.config.symbol(), order.clientOrderId()));
            }
        }
    }

    /** A stop of this grid found resting during a flattening: kept by its leg's stop till the leg is closed. */
    void foundWhileFlattening(OpenOrder order) {
        ProtectiveStop stop = on(order.positionSide());
        if (stop == null) {
            g.out.add(new GridCommand.CancelProtectiveStop(g.config.symbol(), order.clientOrderId()));
        } else {
            stop.foundWhileFlattening(order);
        }
    }

    void cancelWhenFlat() {
        stops.forEach(ProtectiveStop::cancelWhenFlat);
    }

    void forgetIfAbsent(Set<String> onVenue) {
        stops.forEach(stop -> stop.forgetIfAbsent(onVenue));
    }
}
