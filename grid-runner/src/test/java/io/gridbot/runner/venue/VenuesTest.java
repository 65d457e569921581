package io.gridbot.runner.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.exchange.venue.VenueCatalog;
import io.gridbot.exchange.venue.VenueSettings;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Venues are opened on first use, shared, and refused with a reason when unconfigured or failing. */
class VenuesTest {

    private final SimulatedExchange sim = new SimulatedExchange(new SimClock(0), SimSettings.defaults());

    @Test
    void aVenueIsOpenedOnceOnFirstUseAndShared() throws Exception {
        AtomicInteger opens = new AtomicInteger();
        Venues venues = Venues.configured().with("simulated", () -> {
            opens.incrementAndGet();
            return sim;
        });
        assertThat(opens).hasValue(0);

        ExchangeAdapter first = venues.adapter("simulated");
        ExchangeAdapter second = venues.adapter("simulated");

        assertThat(first).isSameAs(second).isSameAs(sim);
        assertThat(opens).hasValue(1);
    }

    @Test
    void anUnconfiguredVenueSaysWhy() {
        Venues venues = Venues.configured().with("simulated", () -> sim).without("binance", "no credentials: set X");

        assertThatThrownBy(() -> venues.adapter("binance")).isInstanceOf(VenueUnavailableException.class)
                .hasMessage("venue binance is unavailable: no credentials: set X");
        assertThatThrownBy(() -> venues.adapter("bybit"))
                .hasMessage("venue bybit is unavailable: unknown venue 'bybit' (venues found: binance, simulated)");
    }

    @Test
    void theVenuesFoundAreOpenedThroughTheirProvidersAndTheDaemonsOwnWiringWins() throws Exception {
        Venues venues = Venues.configured().with("simulated", () -> sim)
                .withFound(VenueCatalog.discover(), VenueSettings.of(Map.of()));

        assertThat(venues.adapter("simulated")).as("the daemon's own simulator, not a fresh one").isSameAs(sim);
        assertThatThrownBy(() -> venues.adapter("binance")).isInstanceOf(VenueUnavailableException.class)
                .hasMessage("venue binance is unavailable: no credentials: set GRIDBOT_BINANCE_API_KEY and "
                        + "GRIDBOT_BINANCE_API_SECRET, or store the binance account 'default' in the encrypted "
                        + "credential store");
        assertThatThrownBy(() -> venues.adapter("okx")).isInstanceOf(VenueUnavailableException.class)
                .hasMessage("venue okx is unavailable: no credentials: set GRIDBOT_OKX_API_KEY, GRIDBOT_OKX_API_SECRET "
                        + "and GRIDBOT_OKX_PASSPHRASE, or store the okx account 'default' with its passphrase in the "
                        + "encrypted credential store");
        assertThatThrownBy(() -> venues.adapter("bybit")).isInstanceOf(VenueUnavailableException.class)
                .hasMessage("venue bybit is unavailable: no credentials: set GRIDBOT_BYBIT_API_KEY and "
                        + "GRIDBOT_BYBIT_API_SECRET, or store the bybit account 'default' in the encrypted credential store");
        assertThatThrownBy(() -> venues.adapter("kraken"))
                .hasMessage("venue kraken is unavailable: unknown venue 'kraken' (venues found: binance, bybit, okx, simulated)");
    }

    @Test
    void aVenueThatFailsToOpenIsTriedAgainNextTime() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Venues venues = Venues.configured().with("binance", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("venue down");
            }
            return sim;
        });

        assertThatThrownBy(() -> venues.adapter("binance")).hasMessageContaining("it did not open: IllegalStateException: venue down");
        assertThat(venues.adapter("binance")).isSameAs(sim);
    }

    @Test
    void oneAdapterForEveryGridWhenGivenOnlyOne() throws Exception {
        Venues venues = Venues.only(sim);
        assertThat(venues.adapter("binance")).isSameAs(sim);
        assertThat(venues.adapter("simulated")).isSameAs(sim);
    }
}
