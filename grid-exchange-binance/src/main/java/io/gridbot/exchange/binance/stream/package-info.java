/**
 * Binance WebSocket streams over okhttp: one connection per route ({@code /public} book data, {@code /market}
 * prices, {@code /private} user data), the listen key's life, and the supervisor that detects a dead stream,
 * reconnects on schedule, resubscribes and resynchronises before it reports the streams healthy.
 */
package io.gridbot.exchange.binance.stream;
