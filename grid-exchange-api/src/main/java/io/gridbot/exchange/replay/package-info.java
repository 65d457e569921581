/**
 * Market data for the simulator: venue-neutral streams of {@link io.gridbot.exchange.replay.MarketTrade}s
 * ({@link io.gridbot.exchange.replay.PriceSeries}), seeded synthetic series, and
 * {@link io.gridbot.exchange.replay.MarketReplay} to play them on the virtual clock. Readers of a venue's own
 * data files live with that venue's adapter (Binance's: {@code io.gridbot.exchange.binance.data}).
 */
package io.gridbot.exchange.replay;
