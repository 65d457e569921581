/**
 * Binance's JSON shapes as records (REST answers and stream events) and their mapping to the SPI's neutral
 * types. Parsers ignore fields they do not know, since Binance adds fields without notice.
 */
package io.gridbot.exchange.binance.wire;
