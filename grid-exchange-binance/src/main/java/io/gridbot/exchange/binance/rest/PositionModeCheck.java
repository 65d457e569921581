package io.gridbot.exchange.binance.rest;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the account's position mode ({@code GET /fapi/v1/positionSide/dual}) when the adapter opens. The adapter
 * speaks one-way mode only (no {@code positionSide}, {@code reduceOnly} exits, one net position a symbol), which
 * Binance refuses or misreads in hedge mode, so a hedge-mode account is refused before anything is sent.
 */
public final class PositionModeCheck {

    private static final Logger LOG = LoggerFactory.getLogger(PositionModeCheck.class);

    /** What a person reads when the account is in hedge mode; short, as it travels into a grid's start outcome. */
    public static final String HEDGE_MODE_REFUSED = "the Binance account is in hedge position mode; gridbot supports "
            + "one-way mode only until hedge mode lands";

    private PositionModeCheck() {
    }

    /** Throws unless the account is in one-way position mode. */
    public static void requireOneWay(AccountCalls account) throws ExchangeException {
        Optional<Boolean> hedge = account.hedgeMode();
        if (hedge.isEmpty()) {
            throw new ExchangeException(ExchangeErrorKind.EXCHANGE_UNAVAILABLE, null,
                    "the venue did not say the account's position mode (dualSidePosition)");
        }
        if (hedge.get()) {
            LOG.error("{}: switch the account to one-way position mode on Binance (it cannot change while the account "
                    + "holds a position or open orders), then start the grid again", HEDGE_MODE_REFUSED);
            throw new ExchangeException(ExchangeErrorKind.OTHER, null, HEDGE_MODE_REFUSED);
        }
    }
}
