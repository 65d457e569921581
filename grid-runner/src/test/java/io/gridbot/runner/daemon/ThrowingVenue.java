package io.gridbot.runner.daemon;

import io.gridbot.core.config.PositionMode;
import io.gridbot.exchange.Capabilities;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ForwardingAdapter;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.exchange.sim.SimulatedVenueProvider;
import io.gridbot.exchange.venue.ClientIdRules;
import io.gridbot.exchange.venue.SymbolListing;
import io.gridbot.exchange.venue.VenueProvider;
import io.gridbot.exchange.venue.VenueSetting;
import io.gridbot.exchange.venue.VenueSettings;
import java.util.List;

/**
 * A third party's venue ({@value #CODE}) that breaks the SPI's contract with an unchecked exception, as a
 * vendor's SDK may: either its provider's {@code open} throws it, or the adapter it opens throws it at the first
 * account call (the position mode, read when a grid is hosted). The market behind it is a simulator's.
 */
final class ThrowingVenue implements VenueProvider {

    static final String CODE = "vendor-x";

    private final RuntimeException atOpen;
    private final SimulatedExchange market;
    private final RuntimeException whenAsked;

    private ThrowingVenue(RuntimeException atOpen, SimulatedExchange market, RuntimeException whenAsked) {
        this.atOpen = atOpen;
        this.market = market;
        this.whenAsked = whenAsked;
    }

    /** A provider whose {@code open} throws {@code failure}. */
    static ThrowingVenue atOpen(RuntimeException failure) {
        return new ThrowingVenue(failure, null, null);
    }

    /** A provider that opens an adapter on {@code market} whose position mode throws {@code failure}. */
    static ThrowingVenue whenAsked(SimulatedExchange market, RuntimeException failure) {
        return new ThrowingVenue(null, market, failure);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String displayName() {
        return "A venue whose SDK throws";
    }

    @Override
    public Capabilities capabilities() {
        return new SimulatedVenueProvider().capabilities();
    }

    @Override
    public List<VenueSetting> settings() {
        return List.of();
    }

    @Override
    public ClientIdRules clientIdRules() {
        return new SimulatedVenueProvider().clientIdRules();
    }

    @Override
    public SymbolListing listing(VenueSettings settings, String symbol) {
        return new SimulatedVenueProvider().listing(settings, symbol);
    }

    @Override
    public ExchangeAdapter open(VenueSettings settings) {
        if (atOpen != null) {
            throw atOpen;
        }
        return new ForwardingAdapter(market) {
            @Override
            public String venue() {
                return CODE;
            }

            @Override
            public PositionMode positionMode() {
                throw whenAsked;
            }

            @Override
            public void close() {
                // the market is the test's, closed by it
            }
        };
    }
}
