/** Self-imposed rate limits: the venue's weight and order-count headers, bans and the pacing they call for. */
package io.gridbot.exchange.binance.limits;
