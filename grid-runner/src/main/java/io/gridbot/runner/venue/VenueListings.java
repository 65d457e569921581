package io.gridbot.runner.venue;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.BinanceListing;
import io.gridbot.exchange.binance.wire.BinanceSymbolRules;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which venues the runner can trade and what each lists: the simulated venue's fixed list, Binance's public
 * exchangeInfo. Configurations are checked against it before they are stored.
 */
@FunctionalInterface
public interface VenueListings {

    /** The venue codes a grid may name. */
    List<String> TRADABLE = List.of(SimulatedVenue.CODE, "binance");

    /** What the venue says about a symbol. */
    sealed interface Listing {
        /** Listed, with the venue's rules. */
        record Listed(SymbolRules rules) implements Listing {
        }

        /** The venue does not trade it. */
        record NotListed(String reason) implements Listing {
        }

        /** The runner trades on no such venue. */
        record UnknownVenue(String reason) implements Listing {
        }

        /** The venue could not be asked; nothing was checked. */
        record Unchecked(String reason) implements Listing {
        }
    }

    /** Looks the symbol up on the venue. */
    Listing lookup(String exchange, String symbol);

    /** The venues as the daemon opens them: the simulated list, and Binance where the environment points. */
    static VenueListings standard(Map<String, String> env) {
        return of(BinanceEnvironment.publicRestUrl(env), Duration.ofSeconds(5));
    }

    /** As {@link #standard}, with Binance's REST host given (a fake server in tests). */
    static VenueListings of(String binanceRestUrl, Duration timeout) {
        return (exchange, symbol) -> switch (exchange == null ? "" : exchange) {
            case SimulatedVenue.CODE -> simulated(symbol);
            case "binance" -> binance(binanceRestUrl, timeout, symbol);
            default -> new Listing.UnknownVenue("the runner trades on " + String.join(" or ", TRADABLE)
                    + ", not '" + exchange + "'");
        };
    }

    private static Listing simulated(String symbol) {
        Optional<SymbolRules> rules = SimulatedVenue.LISTINGS.stream().map(SimulatedVenue.Listing::rules)
                .filter(r -> r.symbol().equals(symbol)).findFirst();
        return rules.<Listing>map(Listing.Listed::new).orElseGet(() -> new Listing.NotListed(
                "the simulated venue lists " + String.join(", ", SimulatedVenue.LISTINGS.stream()
                        .map(l -> l.rules().symbol()).toList()) + " only"));
    }

    private static Listing binance(String restUrl, Duration timeout, String symbol) {
        BinanceListing listing;
        try {
            listing = BinanceListing.fetch(restUrl, timeout);
        } catch (ExchangeException e) {
            return new Listing.Unchecked("binance (" + restUrl + ") could not be reached: " + e.venueMessage());
        }
        Optional<BinanceSymbolRules> rules = listing.rules(symbol);
        if (rules.isEmpty()) {
            return new Listing.NotListed("binance does not list it");
        }
        if (rules.get().status() != null && !rules.get().status().equals("TRADING")) {
            return new Listing.NotListed("binance lists it as " + rules.get().status() + ", not TRADING");
        }
        return new Listing.Listed(rules.get().core());
    }
}
