/**
 * Statistics of a grid as pure functions over its fill ledger, funding, prices, orders and levels,
 * and the CSV export. Nothing here reads a clock or a database: callers pass the inputs and the
 * moment to compute at.
 */
package io.gridbot.stats;
