/**
 * The Binance USD-M futures adapter (issue 6).
 */
package io.gridbot.exchange.binance;
