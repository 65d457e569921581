package io.gridbot.runner.venue;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.exchange.sim.SimulatedVenueProvider;

/**
 * The daemon's simulated venue: what its provider lists ({@link SimulatedVenueProvider#LISTINGS}, BTCUSDT), and
 * the recorded series shipped in the runner's jar that its market replays. One list, read by the daemon that opens
 * the venue and, through the provider, by the checks that refuse a grid it could not trade.
 */
public final class SimulatedVenue {

    /** The venue code grid configurations name. */
    public static final String CODE = SimulatedVenueProvider.CODE;

    /** BTCUSDT: tick 0.1, step 0.001, minimum 0.001, minimum notional 5, at most 200 open orders. */
    public static final SymbolRules BTCUSDT = SimulatedVenueProvider.BTCUSDT;

    /** The recorded BTCUSDT one-minute series shipped in the runner's jar, that the simulated market replays. */
    public static final String SERIES = "/io/gridbot/runner/demo/BTCUSDT_1m_spot_20230826-20230929.csv.gz";

    private SimulatedVenue() {
    }

    /** The recorded series, opened anew; {@code null} when the jar lacks it. */
    public static java.io.InputStream series() {
        return SimulatedVenue.class.getResourceAsStream(SERIES);
    }

    /** Lists every symbol on the exchange, each at the price the recorded series opens with. */
    public static SimulatedExchange listAll(SimulatedExchange exchange) {
        return SimulatedVenueProvider.listAll(exchange);
    }
}
