package io.gridbot.exchange.venue;

import io.gridbot.core.market.SymbolRules;

/** What a venue publishes about one symbol, as {@link VenueProvider#listing} reads it. */
public sealed interface SymbolListing {

    /** The venue trades it, with these rules. */
    record Listed(SymbolRules rules) implements SymbolListing {
    }

    /** The venue does not trade it; {@code reason} says so in a line ({@code binance does not list it}). */
    record NotListed(String reason) implements SymbolListing {
    }

    /** The venue could not be asked, so nothing was checked; {@code reason} says why and where it was asked. */
    record Unchecked(String reason) implements SymbolListing {
    }
}
