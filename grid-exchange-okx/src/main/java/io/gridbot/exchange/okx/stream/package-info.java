/**
 * OKX's WebSocket API v5 as the adapter uses it: the public, private (login) and business sockets, OKX's text
 * {@code ping} / {@code pong} keep-alive, dead-stream detection, the reconnect schedule with resubscription and a
 * resync, and the decoding of pushes into the SPI's stream events in base-asset quantities.
 */
package io.gridbot.exchange.okx.stream;
