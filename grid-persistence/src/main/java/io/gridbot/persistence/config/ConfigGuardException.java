package io.gridbot.persistence.config;

/** A configuration change refused by a rule (e.g. editing a running grid), with the reason. */
public final class ConfigGuardException extends RuntimeException {

    public ConfigGuardException(String message) {
        super(message);
    }

    /** The refusal of a second live grid on a symbol ({@link GridConfigRepository#holderOfSymbol}), naming the holder. */
    public static ConfigGuardException symbolHeld(String holder, String exchange, String symbol) {
        return new ConfigGuardException(symbol + " on " + exchange + " is held by grid '" + holder
                + "' (it is not stopped, or its ledger still shows a position or open orders): one venue account "
                + "keeps one net position per symbol, so only one live grid may trade it; stop '" + holder
                + "' and let it end flat first");
    }
}
