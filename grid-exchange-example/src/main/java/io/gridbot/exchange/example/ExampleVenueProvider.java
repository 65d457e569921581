package io.gridbot.exchange.example;

import io.gridbot.exchange.Capabilities;
import io.gridbot.exchange.sim.FillModel;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.exchange.sim.SimulatedVenueProvider;
import io.gridbot.exchange.venue.AccountCredentials;
import io.gridbot.exchange.venue.ClientIdCodec;
import io.gridbot.exchange.venue.ClientIdRules;
import io.gridbot.exchange.venue.SymbolListing;
import io.gridbot.exchange.venue.VenueProvider;
import io.gridbot.exchange.venue.VenueSetting;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.exchange.venue.VenueSetupException;
import java.util.List;

/**
 * The example venue ({@code example}) as the runner finds it: the simulator's market and rules, an API key it
 * insists on (from {@code GRIDBOT_EXAMPLE_API_KEY} or the stored account {@code GRIDBOT_EXAMPLE_ACCOUNT}) so the
 * walk-through shows where settings come from, and OKX's rule for client order ids, which the core's ids reach
 * through {@link ClientIdCodec#LETTERS_AND_DIGITS}.
 */
public final class ExampleVenueProvider implements VenueProvider {

    /** The code grid configurations name. */
    public static final String CODE = "example";
    public static final String API_KEY = "GRIDBOT_EXAMPLE_API_KEY";
    public static final String ACCOUNT = "GRIDBOT_EXAMPLE_ACCOUNT";
    public static final String FILLS = "GRIDBOT_EXAMPLE_FILLS";

    /** Letters and digits, at most 32, as OKX has it. */
    static final ClientIdRules CLIENT_IDS = new ClientIdRules(32, "[A-Za-z0-9]");

    /** The provider, as the service loader makes it. */
    public ExampleVenueProvider() {
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String displayName() {
        return "Example venue (the simulator, with OKX's client order ids)";
    }

    @Override
    public Capabilities capabilities() {
        return new SimulatedVenueProvider().capabilities();
    }

    @Override
    public List<VenueSetting> settings() {
        return List.of(VenueSetting.secret(API_KEY, "the API key; else the stored account's", AccountCredentials.API_KEY),
                VenueSetting.plain(ACCOUNT, "the stored account read when no key is set (default: default)"),
                VenueSetting.plain(FILLS, "when a trade fills a resting order: through its price (through, the "
                        + "default), at it (touch), or behind a queue (queue)"));
    }

    @Override
    public ClientIdRules clientIdRules() {
        return CLIENT_IDS;
    }

    @Override
    public ClientIdCodec clientIdCodec() {
        return ClientIdCodec.LETTERS_AND_DIGITS;
    }

    @Override
    public SymbolListing listing(VenueSettings settings, String symbol) {
        return new SimulatedVenueProvider().listing(settings, symbol);
    }

    @Override
    public ExampleExchange open(VenueSettings settings) throws VenueSetupException {
        if (settings.value(API_KEY).isEmpty()) {
            String account = settings.value(ACCOUNT).orElse("default");
            if (settings.stored(CODE, account).flatMap(a -> a.field(AccountCredentials.API_KEY)).isEmpty()) {
                throw new VenueSetupException("no credentials: set " + API_KEY + ", or store the example account '"
                        + account + "' in the encrypted credential store");
            }
        }
        FillModel fills = fillModel(settings);
        // The simulator reads no clock: a venue opened to trade on starts at the time it is opened.
        SimulatedExchange simulator = new SimulatedExchange(new SimClock(System.currentTimeMillis()),
                SimSettings.defaults().withFillModel(fills));
        return new ExampleExchange(SimulatedVenueProvider.listAll(simulator));
    }

    private static FillModel fillModel(VenueSettings settings) throws VenueSetupException {
        String named = settings.value(FILLS).orElse(FillModel.THROUGH.label());
        for (FillModel model : FillModel.values()) {
            if (model.label().equals(named)) {
                return model;
            }
        }
        throw new VenueSetupException(FILLS + " must be through, touch or queue, not '" + named + "'");
    }
}
