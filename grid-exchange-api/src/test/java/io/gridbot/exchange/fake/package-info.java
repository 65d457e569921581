/**
 * Parts every venue's fake server shares (test code, shipped in grid-exchange-api's test-jar beside the contract
 * kit): the loopback socket plumbing that is the same whatever wire format the fake speaks.
 */
package io.gridbot.exchange.fake;
