package io.gridbot.exchange.okx.stream;

import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.okx.wire.ContractSize;

/** The contract size of an instrument in use, as the REST side looked it up: pushes are in contracts too. */
@FunctionalInterface
public interface ContractSizes {

    ContractSize of(String instId) throws ExchangeException;
}
