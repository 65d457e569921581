package io.gridbot.exchange.sim;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.Capabilities;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.venue.ClientIdRules;
import io.gridbot.exchange.venue.SymbolListing;
import io.gridbot.exchange.venue.VenueProvider;
import io.gridbot.exchange.venue.VenueSetting;
import io.gridbot.exchange.venue.VenueSettings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The simulator as a venue found at run time ({@code simulated}): what it lists, what it can do and the ids it
 * takes, Binance's, since it answers as Binance does. It reads no setting and no credential.
 *
 * <p>{@link #open} gives a simulator of its own, listing {@link #LISTINGS} on a clock that starts at the wall
 * clock's time, whose market moves only when its owner trades it. The runner's daemon opens the venue its own way
 * instead (one state file per data directory, the recorded market that feeds it, fee rates from its command line):
 * those need the simulator's own hands ({@link SimulatedExchange#trade}, {@link SimulatedExchange#persistTo}), which
 * no adapter offers.
 */
public final class SimulatedVenueProvider implements VenueProvider {

    /** The code grid configurations name. */
    public static final String CODE = "simulated";

    /** BTCUSDT as Binance listed it in 2023: tick 0.1, step 0.001, minimum 0.001, minimum notional 5, 200 open orders. */
    public static final SymbolRules BTCUSDT = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);

    /** The symbols listed, each with the price it opens at before a trade moves it. */
    public static final List<Listing> LISTINGS = List.of(new Listing(BTCUSDT, new BigDecimal("26076.01")));

    /** Protective stops, hedge mode, and batches of five as Binance takes them. */
    static final Capabilities CAPABILITIES = new Capabilities(true, true, 5);

    /** Binance's rule, which the simulator's answers follow: at most 36 of {@code [.A-Z:/a-z0-9_-]}. */
    static final ClientIdRules CLIENT_IDS = new ClientIdRules(36, "[.A-Z:/a-z0-9_-]");

    /**
     * One listed symbol.
     *
     * @param rules        its trading rules
     * @param openingPrice its price before the first trade
     */
    public record Listing(SymbolRules rules, BigDecimal openingPrice) {
    }

    /** The provider, as the service loader makes it. */
    public SimulatedVenueProvider() {
    }

    /** Lists every symbol of {@link #LISTINGS} on {@code exchange}. */
    public static SimulatedExchange listAll(SimulatedExchange exchange) {
        LISTINGS.forEach(l -> exchange.list(l.rules(), l.openingPrice()));
        return exchange;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String displayName() {
        return "Simulated exchange (in-process, answers as Binance USD-M futures)";
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public List<VenueSetting> settings() {
        return List.of();
    }

    @Override
    public ClientIdRules clientIdRules() {
        return CLIENT_IDS;
    }

    @Override
    public SymbolListing listing(VenueSettings settings, String symbol) {
        Optional<SymbolRules> rules = LISTINGS.stream().map(Listing::rules).filter(r -> r.symbol().equals(symbol))
                .findFirst();
        return rules.<SymbolListing>map(SymbolListing.Listed::new).orElseGet(() -> new SymbolListing.NotListed(
                "the simulated venue lists " + String.join(", ", LISTINGS.stream().map(l -> l.rules().symbol())
                        .toList()) + " only"));
    }

    @Override
    public List<String> symbols(VenueSettings settings) {
        return LISTINGS.stream().map(l -> l.rules().symbol()).toList();
    }

    /**
     * The symbol's opening price: the provider holds no market of its own (each simulator it opens, and the
     * daemon's, moves on its own trades), so the price a listed symbol starts at is the one it can tell.
     */
    @Override
    public Optional<BigDecimal> lastPrice(VenueSettings settings, String symbol) {
        return LISTINGS.stream().filter(l -> l.rules().symbol().equals(symbol)).map(Listing::openingPrice).findFirst();
    }

    @Override
    public ExchangeAdapter open(VenueSettings settings) {
        // The simulator reads no clock; a venue opened to trade on starts at the time it is opened.
        return listAll(new SimulatedExchange(new SimClock(System.currentTimeMillis()), SimSettings.defaults()));
    }
}
