package io.gridbot.exchange.venue;

import io.gridbot.core.preview.MarginTable;
import io.gridbot.exchange.Capabilities;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One venue, as the runner finds it at run time: what grid configurations call it, what it can do, what it
 * needs to be opened, which client order ids it accepts, and how to open it. A venue's jar registers its
 * provider for {@link java.util.ServiceLoader} (a {@code provides} clause in its module descriptor, and a
 * {@code META-INF/services/io.gridbot.exchange.venue.VenueProvider} file for the class path, which is how the
 * runner's jar is launched); {@link VenueCatalog#discover()} then lists it, and nothing else in gridbot names it.
 *
 * <p>A provider is created by the service loader (a public no-argument constructor), may be created more than
 * once, and holds no connection: it describes, looks a symbol up and opens. Every method but {@link #open},
 * {@link #listing}, {@link #symbols}, {@link #lastPrice} and {@link #marginTiers} is cheap and answers the same
 * each time.
 */
public interface VenueProvider {

    /**
     * The venue's code, as a grid configuration's {@code exchange} names it and as the opened adapter's
     * {@link ExchangeAdapter#venue()} answers: lower-case letters, digits and {@code -}, starting with a letter
     * ({@code binance}).
     */
    String code();

    /** The venue's name for people ({@code Binance USD-M futures}). */
    String displayName();

    /** What the venue can do beyond the basics; the opened adapter answers the same. */
    Capabilities capabilities();

    /**
     * Every environment variable the venue reads, so the runner and the docs can say what to set; a secret one
     * names the field of a stored account it may come from instead.
     */
    List<VenueSetting> settings();

    /** The client order ids the venue accepts, which the ids it is sent after {@link #clientIdCodec()} fit. */
    ClientIdRules clientIdRules();

    /**
     * How the core's client order ids become ids the venue accepts, and back: {@link ClientIdCodec#UNCHANGED} (the
     * default) when the core's ids fit {@link #clientIdRules()} as they are. The runner applies it around the
     * adapter ({@link VenueCatalog#open}), so the adapter itself sees only the venue's form.
     */
    default ClientIdCodec clientIdCodec() {
        return ClientIdCodec.UNCHANGED;
    }

    /**
     * What the venue publishes about a symbol, read without credentials: how a grid is checked against the venue
     * before it is stored. Never throws: a venue that cannot be asked answers {@link SymbolListing.Unchecked}.
     */
    SymbolListing listing(VenueSettings settings, String symbol);

    /**
     * The symbols the venue lists, read without credentials, for a form to offer; empty when the venue cannot be
     * asked or does not say (the default), and then a symbol is typed and checked with {@link #listing}. Never
     * throws.
     */
    default List<String> symbols(VenueSettings settings) {
        return List.of();
    }

    /**
     * The symbol's current price as the venue publishes it, read without credentials, for a form to start from;
     * empty when the venue does not know the symbol, cannot be asked, or does not say (the default), and then the
     * price is typed. Never throws.
     */
    default Optional<BigDecimal> lastPrice(VenueSettings settings, String symbol) {
        return Optional.empty();
    }

    /**
     * The symbol's maintenance-margin brackets as the venue publishes them, read without credentials, for a preview
     * to estimate a liquidation price with; empty when the venue does not publish them (the default), cannot be
     * asked, or does not know the symbol, and then the runner uses the table shipped with it. The table's source
     * names the endpoint, the host and the day it was read. Never throws.
     */
    default Optional<MarginTable> marginTiers(VenueSettings settings, String symbol) {
        return Optional.empty();
    }

    /**
     * Opens the venue's adapter, connected and ready, speaking the venue's own client order ids (the runner wraps
     * it with {@link #clientIdCodec()}). Blocks while it connects.
     *
     * @throws VenueSetupException when a setting or credential is missing or wrong; its message names which
     * @throws ExchangeException   when the venue refused or could not be reached
     */
    ExchangeAdapter open(VenueSettings settings) throws VenueSetupException, ExchangeException;
}
