package io.gridbot.core.config;

/**
 * How the venue account keeps positions. In one-way mode a neutral grid's two legs share one net
 * position; in hedge mode they are held apart as LONG and SHORT legs.
 */
public enum PositionMode {
    ONE_WAY,
    HEDGE
}
