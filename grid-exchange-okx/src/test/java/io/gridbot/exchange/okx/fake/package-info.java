/**
 * A wire-faithful fake of OKX's REST API v5 for USDT swaps (issue 17): on loopback, backed by the simulator's
 * matching. Shipped in this module's test-jar so other modules' tests can use it.
 */
package io.gridbot.exchange.okx.fake;
