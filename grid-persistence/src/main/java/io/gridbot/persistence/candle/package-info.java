/** The grids' one-minute price candles, recorded live or by a replay, read by the dashboard's chart. */
package io.gridbot.persistence.candle;
