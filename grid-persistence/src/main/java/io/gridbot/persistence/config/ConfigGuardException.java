package io.gridbot.persistence.config;

/** A configuration change refused by a rule (e.g. editing a running grid), with the reason. */
public final class ConfigGuardException extends RuntimeException {

    public ConfigGuardException(String message) {
        super(message);
    }

    /**
     * The refusal of a grid on a symbol another live grid holds ({@link GridConfigRepository#holderAgainst}),
     * naming the holder and the rule.
     */
    public static ConfigGuardException symbolHeld(String holder, String exchange, String symbol) {
        return new ConfigGuardException(symbol + " on " + exchange + " is held by grid '" + holder
                + "' (it is not stopped, or its ledger still shows a position or open orders): in one-way position "
                + "mode a venue account keeps one net position per symbol, so only one live grid may trade it; in "
                + "hedge mode a LONG grid and a SHORT grid may run side by side, each owning its leg, but a NEUTRAL "
                + "hedge grid owns both legs and excludes any other grid, and two grids on the same leg are refused; "
                + "stop '" + holder + "' and let it end flat first");
    }
}
