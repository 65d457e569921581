/**
 * Binance's public market data files (data.binance.vision: 1-minute klines, aggTrades, bookTicker) read as
 * the simulator's venue-neutral {@link io.gridbot.exchange.replay.PriceSeries}, for replays and the demo.
 */
package io.gridbot.exchange.binance.data;
