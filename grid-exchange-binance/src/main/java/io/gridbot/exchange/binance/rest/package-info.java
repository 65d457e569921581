/**
 * Binance REST over okhttp: signed and public calls ({@link io.gridbot.exchange.binance.rest.BinanceRestClient}),
 * one typed call type per concern answering with wire records (orders, account, market data, the listen key),
 * the server-time offset, which service an order lives in, and the mapping of every failure - Binance error
 * codes, HTTP statuses, broken connections, unreadable answers - to the SPI's taxonomy in
 * {@link io.gridbot.exchange.binance.rest.ErrorClassifier}.
 */
package io.gridbot.exchange.binance.rest;
