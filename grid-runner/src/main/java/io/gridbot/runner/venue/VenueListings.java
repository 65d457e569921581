package io.gridbot.runner.venue;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.preview.MarginTable;
import io.gridbot.exchange.venue.SymbolListing;
import io.gridbot.exchange.venue.VenueCatalog;
import io.gridbot.exchange.venue.VenueProvider;
import io.gridbot.exchange.venue.VenueSettings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which venues the runner can trade and what each lists: the venues found at run time ({@link VenueCatalog}), each
 * answering from its own public listing. Configurations are checked against it before they are stored, and the
 * dashboard offers its codes.
 */
public interface VenueListings {

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

    /** The venue codes a grid may name, in alphabetical order. */
    List<String> codes();

    /**
     * The symbols the venue lists, for the form to offer; empty when the venue does not say or cannot be asked
     * (then a symbol is typed, and checked with {@link #lookup}).
     */
    default List<String> symbols(String exchange) {
        return List.of();
    }

    /**
     * The symbol's current price on the venue, for the form to start its preview from; empty when the venue does not
     * say, cannot be asked, or knows no such symbol (then a price is typed).
     */
    default Optional<BigDecimal> lastPrice(String exchange, String symbol) {
        return Optional.empty();
    }

    /**
     * The symbol's maintenance-margin brackets as the venue publishes them, for the preview's liquidation estimate;
     * empty when the venue does not publish them, cannot be asked, or knows no such symbol (then the preview uses the
     * table shipped with the runner). The venues of {@link #found} are asked once an hour per symbol.
     */
    default Optional<MarginTable> marginTiers(String exchange, String symbol) {
        return Optional.empty();
    }

    /** The venues found at run time ({@link VenuePath}), each reading its settings from {@code env}. */
    static VenueListings standard(Map<String, String> env) {
        return found(VenuePath.catalog(env), VenueSettings.of(env));
    }

    /** The venues of {@code catalog}, each asked with {@code settings} (a fake server's address in tests). */
    static VenueListings found(VenueCatalog catalog, VenueSettings settings) {
        MarginTierCache tiers = new MarginTierCache(System::currentTimeMillis,
                (exchange, symbol) -> catalog.find(exchange).flatMap(p -> p.marginTiers(settings, symbol)));
        return new VenueListings() {
            @Override
            public Listing lookup(String exchange, String symbol) {
                Optional<VenueProvider> provider = catalog.find(exchange);
                if (provider.isEmpty()) {
                    return new Listing.UnknownVenue(catalog.unknown(exchange));
                }
                return switch (provider.get().listing(settings, symbol)) {
                    case SymbolListing.Listed l -> new Listing.Listed(l.rules());
                    case SymbolListing.NotListed n -> new Listing.NotListed(n.reason());
                    case SymbolListing.Unchecked u -> new Listing.Unchecked(u.reason());
                };
            }

            @Override
            public List<String> codes() {
                return catalog.codes();
            }

            @Override
            public List<String> symbols(String exchange) {
                return catalog.find(exchange).map(p -> p.symbols(settings)).orElse(List.of());
            }

            @Override
            public Optional<BigDecimal> lastPrice(String exchange, String symbol) {
                return catalog.find(exchange).flatMap(p -> p.lastPrice(settings, symbol));
            }

            @Override
            public Optional<MarginTable> marginTiers(String exchange, String symbol) {
                return tiers.tiers(exchange, symbol);
            }
        };
    }
}
