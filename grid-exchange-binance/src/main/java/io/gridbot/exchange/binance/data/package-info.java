/**
 * Binance's market data read as the simulator's venue-neutral {@link io.gridbot.exchange.replay.PriceSeries},
 * for replays and the demo: the public data files (data.binance.vision: 1-minute klines, aggTrades,
 * bookTicker) and raw captures of the futures WebSocket streams. Every line is checked as it is read, and a
 * file that fails is reported in one line naming the file, the row and the problem
 * ({@link io.gridbot.exchange.binance.data.BinanceDataFile}).
 */
package io.gridbot.exchange.binance.data;
