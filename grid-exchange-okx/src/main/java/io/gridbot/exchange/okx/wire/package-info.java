/**
 * OKX's JSON shapes as records, the contract conversion ({@link io.gridbot.exchange.okx.wire.ContractSize}) and
 * the one place they become the SPI's neutral values ({@link io.gridbot.exchange.okx.wire.NeutralMapper}).
 */
package io.gridbot.exchange.okx.wire;
