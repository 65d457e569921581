package io.gridbot.exchange.sim;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.ExchangeException;

/**
 * Which venue the simulator impersonates in its refusals: the error code and message it answers each
 * {@link Refusal} with. The matching, the account and the rules never name a code; only a dialect does.
 * {@link BinanceDialect} is the default, so the simulator answers as Binance USD-M futures would.
 */
public interface VenueDialect {

    /** The venue's error code for the refusal. */
    String code(Refusal refusal);

    /**
     * The venue's message for the refusal.
     *
     * @param rules the symbol's rules, for messages that quote a limit; {@code null} when the symbol is unknown
     */
    String message(Refusal refusal, SymbolRules rules);

    /** The refusal as the exception a request throws, with a retry-after (0 when the venue does not say). */
    default ExchangeException refuse(Refusal refusal, SymbolRules rules, long retryAfterMs) {
        return new ExchangeException(refusal.kind(), code(refusal), message(refusal, rules), retryAfterMs);
    }
}
