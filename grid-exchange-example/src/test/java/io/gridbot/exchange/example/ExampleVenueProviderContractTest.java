package io.gridbot.exchange.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.contract.VenueProviderContract;
import io.gridbot.exchange.sim.SimulatedVenueProvider;
import io.gridbot.exchange.venue.AccountCredentials;
import io.gridbot.exchange.venue.VenueCatalog;
import io.gridbot.exchange.venue.VenueProvider;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.exchange.venue.VenueSetupException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The example keeps the provider contract; its venue refuses the core's ids as they are and takes them through
 * the codec, and it says which setting is missing.
 */
class ExampleVenueProviderContractTest extends VenueProviderContract {

    private static final VenueSettings WITH_KEY = VenueSettings.of(Map.of(ExampleVenueProvider.API_KEY, "test-key"));

    @Override
    protected VenueProvider provider() {
        return new ExampleVenueProvider();
    }

    @Override
    protected VenueSettings settings() {
        return WITH_KEY;
    }

    private static OrderRequest buy(String id) {
        return OrderRequest.limit(id, "BTCUSDT", Side.BUY, new BigDecimal("26000.0"), new BigDecimal("0.010"),
                TimeInForce.GTC, false, PositionSide.BOTH);
    }

    @Test
    void theVenueRefusesTheCoresIdsAsTheyAreAndTakesThemThroughTheCodec() throws Exception {
        String id = ClientOrderId.of(ClientOrderId.tagOf("eth grid"), ClientOrderId.Kind.ENTRY, Side.BUY, 12,
                1_767_225_600_000L);
        try (ExampleExchange raw = new ExampleVenueProvider().open(WITH_KEY)) {
            assertThatThrownBy(() -> raw.createOrder(buy(id))).isInstanceOfSatisfying(ExchangeException.class,
                    e -> assertThat(e.kind()).isEqualTo(ExchangeErrorKind.OTHER))
                    .hasMessageContaining("has a character outside [A-Za-z0-9]");
        }
        try (ExchangeAdapter adapter = VenueCatalog.discover().open("example", WITH_KEY)) {
            adapter.createOrder(buy(id));
            assertThat(adapter.openOrders("BTCUSDT")).extracting(OpenOrder::clientOrderId).containsExactly(id);
            assertThat(ClientOrderId.parse(adapter.openOrders("BTCUSDT").getFirst().clientOrderId()))
                    .hasValueSatisfying(p -> assertThat(p.line()).as("a restart maps it to its line").isEqualTo(12));
        }
    }

    @Test
    void aMissingKeyIsNamedAndAStoredAccountServesInstead() throws Exception {
        assertThatThrownBy(() -> new ExampleVenueProvider().open(VenueSettings.of(Map.of())))
                .isInstanceOf(VenueSetupException.class).hasMessage("no credentials: set GRIDBOT_EXAMPLE_API_KEY, or "
                        + "store the example account 'default' in the encrypted credential store");
        VenueSettings stored = new VenueSettings(Map.of(ExampleVenueProvider.ACCOUNT, "main"), (venue, account) ->
                Optional.of(new AccountCredentials(venue, account, Map.of(AccountCredentials.API_KEY, "k"))));
        new ExampleVenueProvider().open(stored).close();
        assertThatThrownBy(() -> new ExampleVenueProvider().open(VenueSettings.of(Map.of(ExampleVenueProvider.API_KEY,
                "k", ExampleVenueProvider.FILLS, "always")))).hasMessage("GRIDBOT_EXAMPLE_FILLS must be through, touch "
                        + "or queue, not 'always'");
        assertThat(new ExampleVenueProvider().listing(stored, "BTCUSDT")).isEqualTo(
                new SimulatedVenueProvider().listing(stored, "BTCUSDT"));
    }
}
