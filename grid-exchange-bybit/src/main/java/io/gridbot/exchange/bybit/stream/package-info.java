/**
 * Bybit's WebSocket API v5 as the adapter uses it: the public linear socket and the private one (auth), the
 * {@code op: ping} keep-alive, dead-stream detection, the reconnect schedule with resubscription and a resync, and the
 * decoding of pushes into the SPI's stream events.
 */
package io.gridbot.exchange.bybit.stream;
