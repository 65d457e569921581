/**
 * Statistics over the fill ledger and prices (issue 7).
 */
package io.gridbot.stats;
