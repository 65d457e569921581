package io.gridbot.core.config;

import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;

/**
 * How the venue account keeps positions. In one-way mode a neutral grid's two legs share one net
 * position; in hedge mode they are held apart as LONG and SHORT legs.
 */
public enum PositionMode {
    ONE_WAY,
    HEDGE;

    /** The leg a line's orders (entry and exit) belong to, given the side its entry takes. */
    public PositionSide leg(Side entrySide) {
        return switch (this) {
            case ONE_WAY -> PositionSide.BOTH;
            case HEDGE -> entrySide == Side.BUY ? PositionSide.LONG : PositionSide.SHORT;
        };
    }

    /** Whether an exit is sent reduce-only: in one-way mode always; in hedge mode never, as the venue refuses it there. */
    public boolean exitsReduceOnly() {
        return this == ONE_WAY;
    }
}
