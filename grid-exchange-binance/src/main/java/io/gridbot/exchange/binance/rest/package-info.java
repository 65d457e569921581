/**
 * Binance REST over okhttp: signed and public calls, the server-time offset, and the mapping of Binance error
 * codes and HTTP statuses to the SPI's taxonomy (AC5.6, FR-12).
 */
package io.gridbot.exchange.binance.rest;
