package io.gridbot.exchange.binance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import java.util.Map;

/**
 * Reads the account's position mode ({@code GET /fapi/v1/positionSide/dual}) when the adapter opens. The adapter
 * speaks one-way mode only (no {@code positionSide}, {@code reduceOnly} exits, one net position a symbol), which
 * Binance refuses or misreads in hedge mode, so a hedge-mode account is refused before anything is sent.
 */
public final class PositionModeCheck {

    /** What a person reads when the account is in hedge mode. */
    public static final String HEDGE_MODE_REFUSED = "the Binance account is in hedge position mode; gridbot supports "
            + "one-way mode only until hedge mode lands: switch the account to one-way position mode on Binance "
            + "(it cannot change while the account holds a position or open orders) and start again";

    private PositionModeCheck() {
    }

    /** Throws unless the account is in one-way position mode. */
    public static void requireOneWay(BinanceRestClient rest) throws ExchangeException {
        JsonNode dual = rest.call(Endpoint.POSITION_MODE, Map.of()).get("dualSidePosition");
        if (dual == null || !dual.isBoolean()) {
            throw new ExchangeException(ExchangeErrorKind.EXCHANGE_UNAVAILABLE, null,
                    "the venue did not say the account's position mode (dualSidePosition)");
        }
        if (dual.booleanValue()) {
            throw new ExchangeException(ExchangeErrorKind.OTHER, null, HEDGE_MODE_REFUSED);
        }
    }
}
