/**
 * A wire-faithful fake of Binance USDⓈ-M futures for tests (issue 6): REST and WebSocket on loopback, backed
 * by the simulator's matching. Shipped in this module's test-jar so other modules' tests can use it.
 */
package io.gridbot.exchange.binance.fake;
