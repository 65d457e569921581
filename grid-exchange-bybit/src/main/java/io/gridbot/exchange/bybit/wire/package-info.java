/** Bybit v5 JSON shapes as records, and the one place they become the SPI's neutral values. */
package io.gridbot.exchange.bybit.wire;
