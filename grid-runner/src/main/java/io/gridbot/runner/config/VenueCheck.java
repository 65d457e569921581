package io.gridbot.runner.config;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.runner.venue.VenueListings;
import io.gridbot.runner.venue.VenueListings.Listing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A configuration against its venue: the venue must be one the runner trades, the symbol listed there, the tick
 * and step the venue's own, the minimums no lower than the venue's and the open-order cap no higher. A venue
 * that cannot be asked leaves a warning, not a failure.
 */
final class VenueCheck {

    private final VenueListings venues;

    VenueCheck(VenueListings venues) {
        this.venues = venues;
    }

    /** Adds this grid's problems and warnings. */
    void check(GridConfig grid, List<GridFile.Problem> problems, List<String> warnings) {
        String at = grid.symbol() + " on " + grid.exchange();
        switch (venues.lookup(grid.exchange(), grid.symbol())) {
            case Listing.UnknownVenue u -> problems.add(new GridFile.Problem(grid.name(), "exchange", u.reason()));
            case Listing.NotListed n -> problems.add(new GridFile.Problem(grid.name(), "symbol",
                    grid.symbol() + " is not listed: " + n.reason()));
            case Listing.Unchecked u -> warnings.add("grid " + grid.name() + ": " + u.reason()
                    + "; the symbol, priceTick, qtyStep, minQty, minNotional and maxOpenOrders were not checked "
                    + "against the venue");
            case Listing.Listed l -> problems.addAll(mismatches(grid, l.rules(), at));
        }
    }

    private static List<GridFile.Problem> mismatches(GridConfig grid, SymbolRules venue, String at) {
        SymbolRules mine = grid.rules();
        List<GridFile.Problem> out = new ArrayList<>();
        same(grid, "priceTick", "tick size", mine.tickSize(), venue.tickSize(), at, out);
        same(grid, "qtyStep", "quantity step", mine.stepSize(), venue.stepSize(), at, out);
        wholeLots(grid, venue, at, out);
        atLeast(grid, "minQty", "minimum quantity", mine.minQty(), venue.minQty(), at, out);
        atLeast(grid, "minNotional", "minimum notional", mine.minNotional(), venue.minNotional(), at, out);
        if (mine.maxOpenOrders() > venue.maxOpenOrders()) {
            out.add(new GridFile.Problem(grid.name(), "maxOpenOrders", mine.maxOpenOrders()
                    + " is above the venue's cap of " + venue.maxOpenOrders() + " open orders for " + at));
        }
        return out;
    }

    private static void same(GridConfig grid, String field, String what, BigDecimal mine, BigDecimal venue, String at,
            List<GridFile.Problem> out) {
        if (mine.compareTo(venue) != 0) {
            out.add(new GridFile.Problem(grid.name(), field, mine.toPlainString() + " is not the venue's " + what + " "
                    + venue.toPlainString() + " for " + at));
        }
    }

    /**
     * The order quantity must be a whole number of the venue's lots (on OKX a lot is {@code lotSz} contracts of
     * {@code ctVal} each), or the venue could not size the order at all. The grid's own step catches this when it is
     * the venue's; this names {@code orderQty} when it is not, where only the step would be named otherwise.
     */
    private static void wholeLots(GridConfig grid, SymbolRules venue, String at, List<GridFile.Problem> out) {
        BigDecimal qty = grid.orderQty();
        if (qty == null) {
            return;
        }
        boolean fitsMine = grid.rules().stepSize().signum() > 0 && qty.remainder(grid.rules().stepSize()).signum() == 0;
        if (qty.signum() > 0 && venue.stepSize().signum() > 0 && fitsMine
                && qty.remainder(venue.stepSize()).signum() != 0) {
            out.add(new GridFile.Problem(grid.name(), "orderQty", qty.toPlainString() + " is not a whole number of "
                    + "the venue's lots of " + venue.stepSize().toPlainString() + " for " + at
                    + ": the venue could not take it as an order size"));
        }
    }

    private static void atLeast(GridConfig grid, String field, String what, BigDecimal mine, BigDecimal venue,
            String at, List<GridFile.Problem> out) {
        if (mine.compareTo(venue) < 0) {
            out.add(new GridFile.Problem(grid.name(), field, mine.toPlainString() + " is below the venue's " + what
                    + " " + venue.toPlainString() + " for " + at + ": orders the grid plans would be refused"));
        }
    }
}
