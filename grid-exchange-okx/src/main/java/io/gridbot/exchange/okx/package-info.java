/**
 * The OKX USDT-perpetual-swap adapter (API v5): REST ({@code rest}), request signing with key, secret and
 * passphrase ({@code sign}), OKX's JSON shapes and the contract conversion ({@code wire}) and the self-imposed
 * rate limits from OKX's documented ones ({@code limits}).
 */
package io.gridbot.exchange.okx;
