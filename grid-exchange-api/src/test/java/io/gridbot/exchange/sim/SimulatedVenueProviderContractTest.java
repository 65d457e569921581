package io.gridbot.exchange.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.exchange.contract.VenueProviderContract;
import io.gridbot.exchange.venue.VenueProvider;
import io.gridbot.exchange.venue.VenueSettings;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The simulator's provider keeps the provider contract: it needs no setting at all, and tells the symbols it lists
 * and the price each opens at.
 */
class SimulatedVenueProviderContractTest extends VenueProviderContract {

    @Override
    protected VenueProvider provider() {
        return new SimulatedVenueProvider();
    }

    @Override
    protected VenueSettings settings() {
        return VenueSettings.of(Map.of());
    }

    @Test
    void aListedSymbolIsPricedAtItsOpeningPriceAndAnyOtherNotAtAll() {
        assertThat(provider().symbols(settings())).containsExactly("BTCUSDT");
        assertThat(provider().lastPrice(settings(), "BTCUSDT")).isEqualTo(Optional.of(new BigDecimal("26076.01")));
        assertThat(provider().lastPrice(settings(), "DOGEUSDT")).isEmpty();
    }
}
