package io.gridbot.runner.venue;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.sim.SimulatedExchange;
import java.math.BigDecimal;
import java.util.List;

/**
 * What the daemon's simulated venue lists: BTCUSDT, with the rules of the recorded series it is fed with. One
 * list, read by the daemon that opens the venue and by the checks that refuse a grid it could not trade.
 */
public final class SimulatedVenue {

    /** The venue code grid configurations name. */
    public static final String CODE = "simulated";

    /** BTCUSDT: tick 0.1, step 0.001, minimum 0.001, minimum notional 5, at most 200 open orders. */
    public static final SymbolRules BTCUSDT = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);

    /** The symbols listed, with the price each opens at before the recorded series moves it. */
    public static final List<Listing> LISTINGS = List.of(new Listing(BTCUSDT, new BigDecimal("26076.01")));

    /**
     * One listed symbol.
     *
     * @param rules        its trading rules
     * @param openingPrice its price before the first recorded trade
     */
    public record Listing(SymbolRules rules, BigDecimal openingPrice) {
    }

    /** The recorded BTCUSDT one-minute series shipped in the runner's jar, that the simulated market replays. */
    public static final String SERIES = "/io/gridbot/runner/demo/BTCUSDT_1m_spot_20230826-20230929.csv.gz";

    private SimulatedVenue() {
    }

    /** The recorded series, opened anew; {@code null} when the jar lacks it. */
    public static java.io.InputStream series() {
        return SimulatedVenue.class.getResourceAsStream(SERIES);
    }

    /** Lists every symbol on the exchange. */
    public static SimulatedExchange listAll(SimulatedExchange exchange) {
        LISTINGS.forEach(l -> exchange.list(l.rules(), l.openingPrice()));
        return exchange;
    }
}
