/**
 * Market data for the simulator: readers for Binance's public data files (1-minute klines, aggTrades,
 * bookTicker) and seeded synthetic series, as streams of {@link io.gridbot.exchange.replay.MarketTrade}s,
 * and {@link io.gridbot.exchange.replay.MarketReplay} to play them on the virtual clock.
 */
package io.gridbot.exchange.replay;
