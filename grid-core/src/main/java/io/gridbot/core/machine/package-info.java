/**
 * The decision core's state machine. Its API is {@link io.gridbot.core.machine.GridMachine} (a facade),
 * {@link io.gridbot.core.status.GridStatus} and {@link io.gridbot.core.machine.GridView}; everything else
 * here is package-private, one part per concern, wired through {@code Grid}: the lifecycle table, the market
 * price and stop-loss trigger, the order stream, the working orders, the lines, the fill book, the sync,
 * rejections, the venue-sync protocol, snapshot adoption, stream health, the protective stop and flattening.
 */
package io.gridbot.core.machine;
