/**
 * The Binance USDⓈ-M futures adapter: {@link io.gridbot.exchange.binance.BinanceAdapter} implements the
 * SPI over REST ({@code rest}) and WebSocket streams ({@code stream}), with request signing ({@code sign}), the
 * venue's JSON shapes ({@code wire}) and self-imposed rate limits ({@code limits}).
 */
package io.gridbot.exchange.binance;
