/**
 * Statistics of a grid (FR-11) as pure functions over its fill ledger, funding, prices, orders and levels,
 * and the CSV export of AC11.8. Nothing here reads a clock or a database: callers pass the inputs and the
 * moment to compute at.
 */
package io.gridbot.stats;
