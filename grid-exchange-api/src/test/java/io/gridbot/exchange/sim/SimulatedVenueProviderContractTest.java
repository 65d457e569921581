package io.gridbot.exchange.sim;

import io.gridbot.exchange.contract.VenueProviderContract;
import io.gridbot.exchange.venue.VenueProvider;
import io.gridbot.exchange.venue.VenueSettings;
import java.util.Map;

/** The simulator's provider keeps the provider contract: it needs no setting at all. */
class SimulatedVenueProviderContractTest extends VenueProviderContract {

    @Override
    protected VenueProvider provider() {
        return new SimulatedVenueProvider();
    }

    @Override
    protected VenueSettings settings() {
        return VenueSettings.of(Map.of());
    }
}
