/**
 * The Bybit USDT-perpetual adapter (API v5, category {@code linear}): REST ({@code rest}), request signing with key
 * and secret ({@code sign}), Bybit's JSON shapes and their neutral values ({@code wire}), the WebSocket streams
 * ({@code stream}) and the pacing under Bybit's documented per-second limits ({@code limits}).
 */
package io.gridbot.exchange.bybit;
