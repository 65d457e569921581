/** Self-imposed pacing under Bybit's documented per-second limits, the limit headers it answers with, and the back-offs. */
package io.gridbot.exchange.bybit.limits;
