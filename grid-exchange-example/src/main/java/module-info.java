/**
 * An example venue plug-in: the simulator under the code {@code example}, taking OKX's client order ids (at most
 * 32 letters and digits). It provides its {@link io.gridbot.exchange.venue.VenueProvider} here for the module path,
 * and in {@code META-INF/services} for the class path, where the runner's jar puts it.
 */
module io.gridbot.exchange.example {
    requires transitive io.gridbot.exchange;

    exports io.gridbot.exchange.example;

    provides io.gridbot.exchange.venue.VenueProvider with io.gridbot.exchange.example.ExampleVenueProvider;
}
