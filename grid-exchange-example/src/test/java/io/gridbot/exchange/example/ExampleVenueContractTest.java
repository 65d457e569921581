package io.gridbot.exchange.example;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.contract.ContractVenue;
import io.gridbot.exchange.contract.ExchangeAdapterContract;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.exchange.sim.SimulatedVenueProvider;
import io.gridbot.exchange.venue.EncodedClientIds;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.exchange.venue.VenueSetupException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The example venue passes the whole adapter contract kit, spoken to as the runner speaks to it: through its
 * provider's client id codec, so every id the kit makes reaches the strict venue as letters and digits.
 */
class ExampleVenueContractTest extends ExchangeAdapterContract {

    @Override
    protected ContractVenue openVenue() {
        ExampleExchange opened;
        try {
            // the kit fills a resting order by trading at its price, as a venue fills the front of its queue
            opened = new ExampleVenueProvider().open(VenueSettings.of(Map.of(ExampleVenueProvider.API_KEY, "test-key",
                    ExampleVenueProvider.FILLS, "touch")));
        } catch (VenueSetupException e) {
            throw new AssertionError(e);
        }
        SimulatedExchange market = opened.simulator();
        // what VenueCatalog.open hands the runner
        ExchangeAdapter adapter = new EncodedClientIds(opened, new ExampleVenueProvider().clientIdCodec());
        SymbolRules rules = SimulatedVenueProvider.BTCUSDT;
        return new ContractVenue() {
            private BigDecimal price = SimulatedVenueProvider.LISTINGS.getFirst().openingPrice().setScale(1,
                    java.math.RoundingMode.DOWN);

            @Override
            public ExchangeAdapter adapter() {
                return adapter;
            }

            @Override
            public SymbolRules rules() {
                return rules;
            }

            @Override
            public BigDecimal price() {
                return price;
            }

            @Override
            public void trade(BigDecimal at, BigDecimal qty) {
                price = at;
                market.trade(rules.symbol(), at, qty, market.clock().nowMs() + 1);
            }

            @Override
            public void rejectNextCreate(ExchangeErrorKind kind) {
                market.faults().rejectNextCreates(1, kind);
            }

            @Override
            public void dropStreams() {
                market.dropStreams();
            }

            @Override
            public void advance(long ms) {
                market.advanceTo(market.clock().nowMs() + ms);
            }

            @Override
            public void close() {
                adapter.close();
            }
        };
    }
}
