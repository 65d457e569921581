/** The fake Bybit server: REST and WebSocket in Bybit's wire format, backed by the simulator. */
package io.gridbot.exchange.bybit.fake;
