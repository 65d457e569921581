/** Self-imposed rate limits from OKX's documented per-endpoint and per-instrument limits, and the back-offs. */
package io.gridbot.exchange.okx.limits;
