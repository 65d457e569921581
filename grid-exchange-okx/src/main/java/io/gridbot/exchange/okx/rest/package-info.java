/**
 * OKX REST v5 over okhttp: signed and public calls ({@link io.gridbot.exchange.okx.rest.OkxRestClient}), typed
 * calls per concern answering with wire records (orders and stops, the account, instruments), the server-time
 * offset, the order bodies, and the mapping of every failure - OKX codes per answer and per item, HTTP statuses,
 * broken connections, unreadable answers - to the SPI's taxonomy in {@link io.gridbot.exchange.okx.rest.OkxErrors}.
 */
package io.gridbot.exchange.okx.rest;
