/**
 * The exchange adapter SPI and the simulator: what a venue must offer a grid ({@code io.gridbot.exchange}), how a
 * venue is found at run time ({@code io.gridbot.exchange.venue}), and a simulated exchange with market replay.
 *
 * <p>Venues are found with {@link java.util.ServiceLoader}: this module uses
 * {@link io.gridbot.exchange.venue.VenueProvider} and provides the simulator's. The same provider is also listed in
 * {@code META-INF/services}, for the class path, where the runner's single jar puts every module.
 */
module io.gridbot.exchange {
    requires transitive io.gridbot.core;

    exports io.gridbot.exchange;
    exports io.gridbot.exchange.account;
    exports io.gridbot.exchange.replay;
    exports io.gridbot.exchange.sim;
    exports io.gridbot.exchange.stream;
    exports io.gridbot.exchange.venue;
    exports io.gridbot.exchange.wire;

    uses io.gridbot.exchange.venue.VenueProvider;

    provides io.gridbot.exchange.venue.VenueProvider with io.gridbot.exchange.sim.SimulatedVenueProvider;
}
