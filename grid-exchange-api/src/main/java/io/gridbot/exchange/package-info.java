/**
 * The exchange adapter SPI: what a venue must offer a grid. {@link io.gridbot.exchange.ExchangeAdapter}
 * is the interface; {@link io.gridbot.exchange.ExchangeException} carries the venue-neutral error taxonomy;
 * {@code stream} holds the stream events, {@code sim} a simulated exchange and {@code replay} market data
 * sources for it.
 */
package io.gridbot.exchange;
