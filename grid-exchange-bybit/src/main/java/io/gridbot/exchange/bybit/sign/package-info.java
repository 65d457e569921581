/** Bybit request signing: a key and secret that never print themselves, and the hex HMAC-SHA256. */
package io.gridbot.exchange.bybit.sign;
