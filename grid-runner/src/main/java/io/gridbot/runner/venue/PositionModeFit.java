package io.gridbot.runner.venue;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.PositionMode;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;

/**
 * Whether a grid's position mode fits its venue account's, checked when the grid is hosted, before anything is
 * sent: a one-way grid's orders name no leg, which a hedge-mode account refuses, and a hedge grid's orders name
 * one, which a one-way account refuses. The account's mode is never switched here: that is a person's decision,
 * and the venue allows it only with no position and no open order anywhere on the account.
 */
public final class PositionModeFit {

    private PositionModeFit() {
    }

    /** Throws, saying both modes and how to fix it, unless {@code venue} can host {@code grid}. */
    public static void require(GridConfig grid, ExchangeAdapter venue) throws VenueUnavailableException {
        PositionMode wanted = grid.positionMode();
        boolean hedgeable;
        try {
            hedgeable = venue.capabilities().hedgeMode();
        } catch (RuntimeException e) {
            // A third party's adapter breaking the SPI's contract: this grid is refused, nothing else is touched.
            throw new VenueUnavailableException(grid.exchange(), "its adapter failed when asked what it can do: "
                    + VenueUnavailableException.reason(e));
        }
        if (wanted == PositionMode.HEDGE && !hedgeable) {
            throw VenueUnavailableException.refusing(grid.exchange(), "grid '" + grid.name()
                    + "' is set to positionMode HEDGE, but venue " + grid.exchange()
                    + " has no hedge position mode: set the grid's positionMode to ONE_WAY");
        }
        PositionMode account;
        try {
            // the grid's symbol first: a venue that keeps the mode per symbol (Bybit) reads it there
            venue.symbolRules(grid.symbol());
            account = venue.positionMode();
        } catch (ExchangeException | RuntimeException e) {
            // The first account call a grid's start makes: an unchecked exception (a third party's adapter
            // breaking the SPI's contract) refuses the start as the venue's own refusal does.
            throw new VenueUnavailableException(grid.exchange(),
                    "could not read the account's position mode: " + VenueUnavailableException.reason(e));
        }
        if (account != wanted) {
            throw VenueUnavailableException.refusing(grid.exchange(), "grid '" + grid.name()
                    + "' is set to positionMode " + wanted + ", but the " + grid.exchange() + " account is in "
                    + account + " position mode: set the grid's positionMode to " + account
                    + ", or switch the account to " + wanted + " (only possible while it holds no position and no "
                    + "open order on any symbol; gridbot switches it only when asked, with 'grid account "
                    + "position-mode')");
        }
    }
}
