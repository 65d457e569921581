/**
 * Bybit REST v5 over okhttp: signed and public calls ({@link io.gridbot.exchange.bybit.rest.BybitRestClient}), typed
 * calls per concern answering with wire records (orders and the stop, the account, instruments), the server-time
 * offset, the order bodies, and the mapping of every failure - retCodes per answer and per batch item, HTTP statuses,
 * broken connections, unreadable answers - to the SPI's taxonomy in {@link io.gridbot.exchange.bybit.rest.BybitErrors}.
 */
package io.gridbot.exchange.bybit.rest;
