/** Binance request signing: credentials that never print themselves, and the HMAC-SHA256 signature. */
package io.gridbot.exchange.binance.sign;
