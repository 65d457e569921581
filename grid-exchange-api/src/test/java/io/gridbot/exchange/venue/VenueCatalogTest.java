package io.gridbot.exchange.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.Capabilities;
import io.gridbot.exchange.ExchangeAdapter;
import io.gridbot.exchange.ForwardingAdapter;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.sim.SimClock;
import io.gridbot.exchange.sim.SimSettings;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.exchange.sim.SimulatedVenueProvider;
import io.gridbot.exchange.stream.OrderEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The catalog takes providers by code and refuses the ones it cannot trust, with the reason; a venue opened
 * through it sees its own ids and the runner the core's.
 */
class VenueCatalogTest {

    private static final BigDecimal PRICE = new BigDecimal("26000.0");

    /** The simulator under another code, taking OKX's ids only: letters and digits, at most 32. */
    static final class StrictVenue implements VenueProvider {
        private final String code;
        private final ClientIdCodec codec;
        SimulatedExchange last;

        StrictVenue(String code, ClientIdCodec codec) {
            this.code = code;
            this.codec = codec;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String displayName() {
            return "strict " + code;
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
            return new ClientIdRules(32, "[A-Za-z0-9]");
        }

        @Override
        public ClientIdCodec clientIdCodec() {
            return codec;
        }

        @Override
        public SymbolListing listing(VenueSettings settings, String symbol) {
            return new SymbolListing.Listed(SimulatedVenueProvider.BTCUSDT);
        }

        @Override
        public ExchangeAdapter open(VenueSettings settings) {
            last = SimulatedVenueProvider.listAll(new SimulatedExchange(new SimClock(1_000), SimSettings.defaults()));
            return new ForwardingAdapter(last) {
                @Override
                public String venue() {
                    return code;
                }
            };
        }
    }

    @Test
    void codesAreListedInOrderAndAnUnknownOneIsNamedWithTheVenuesFound() {
        VenueCatalog catalog = VenueCatalog.of(List.of(new SimulatedVenueProvider(),
                new StrictVenue("binance", ClientIdCodec.LETTERS_AND_DIGITS)));

        assertThat(catalog.codes()).containsExactly("binance", "simulated");
        assertThat(catalog.unknown("okx")).isEqualTo("unknown venue 'okx' (venues found: binance, simulated)");
        assertThatThrownBy(() -> catalog.open("okx", VenueSettings.of(Map.of())))
                .isInstanceOf(VenueSetupException.class)
                .hasMessage("unknown venue 'okx' (venues found: binance, simulated)");
        assertThat(VenueCatalog.of(List.of()).unknown("okx")).isEqualTo("unknown venue 'okx' (no venue was found)");
    }

    @Test
    void aTakenOrMalformedCodeIsRefusedNamingBothProviders() {
        assertThatThrownBy(() -> VenueCatalog.of(List.of(new SimulatedVenueProvider(),
                new StrictVenue("simulated", ClientIdCodec.LETTERS_AND_DIGITS))))
                .hasMessageStartingWith("two venue providers have the code 'simulated': "
                        + SimulatedVenueProvider.class.getName() + " and " + StrictVenue.class.getName());
        assertThatThrownBy(() -> VenueCatalog.of(List.of(new StrictVenue("My Venue", ClientIdCodec.LETTERS_AND_DIGITS))))
                .hasMessageContaining("has the code 'My Venue': a code is lower-case letters, digits and '-'");
    }

    @Test
    void aVenueWhoseRulesTheCoresIdsDoNotFitWithoutACodecIsRefused() {
        assertThatThrownBy(() -> VenueCatalog.of(List.of(new StrictVenue("strict", ClientIdCodec.UNCHANGED))))
                .hasMessageContaining("venue provider " + StrictVenue.class.getName() + " (strict) cannot take the "
                        + "client order ids gridbot makes: gb_00000000_EB_0_0 is sent as gb_00000000_EB_0_0, which the "
                        + "venue refuses (at most 32 characters of [A-Za-z0-9]): 'gb_00000000_EB_0_0' has a character "
                        + "outside [A-Za-z0-9]");
    }

    @Test
    void theVenueSeesItsOwnIdsAndTheRunnerTheCores() throws Exception {
        StrictVenue strict = new StrictVenue("strict", ClientIdCodec.LETTERS_AND_DIGITS);
        ExchangeAdapter adapter = VenueCatalog.of(List.of(strict)).open("strict", VenueSettings.of(Map.of()));
        List<OrderEvent> events = new ArrayList<>();
        adapter.watchOrders(events::add);
        String id = ClientOrderId.of(ClientOrderId.tagOf("g"), ClientOrderId.Kind.ENTRY, Side.BUY, 3, 1_700_000_000_123L);
        String sent = ClientIdCodec.LETTERS_AND_DIGITS.encode(id);

        adapter.createOrder(OrderRequest.limit(id, "BTCUSDT", Side.BUY, PRICE, new BigDecimal("0.010"),
                TimeInForce.GTC, false, PositionSide.BOTH));
        assertThat(adapter.createOrders(List.of(OrderRequest.limit(id, "BTCUSDT", Side.BUY, PRICE,
                new BigDecimal("0.010"), TimeInForce.GTC, false, PositionSide.BOTH)))).singleElement()
                .satisfies(r -> assertThat(r.error().getMessage()).contains("-4116"));

        assertThat(strict.last.openOrders("BTCUSDT")).extracting(OpenOrder::clientOrderId).containsExactly(sent);
        assertThat(adapter.openOrders("BTCUSDT")).extracting(OpenOrder::clientOrderId).containsExactly(id);
        assertThat(adapter.queryOrder("BTCUSDT", id).clientOrderId()).isEqualTo(id);
        strict.last.trade("BTCUSDT", new BigDecimal("25990.0"), new BigDecimal("1"), 2_000);
        assertThat(events).extracting(OrderEvent::clientOrderId).containsOnly(id);
        assertThat(events).extracting(OrderEvent::status).contains(OrderStatus.FILLED);
        assertThat(adapter.trades("BTCUSDT", 0)).extracting(TradeRecord::clientOrderId).containsExactly(id);
        assertThat(ClientOrderId.parse(adapter.trades("BTCUSDT", 0).getFirst().clientOrderId()))
                .hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(3));
        adapter.close();
    }

    @Test
    void aStoreThatCannotBeReadIsASetupProblemThatNamesNoSecret() {
        VenueSettings settings = new VenueSettings(Map.of(), (venue, account) -> {
            throw new IllegalStateException("key file unreadable: s3cret");
        });
        assertThatThrownBy(() -> settings.stored("binance", "default")).isInstanceOf(VenueSetupException.class)
                .hasMessage("the credential store could not be read (IllegalStateException)");
        assertThat(new AccountCredentials("binance", "main", Map.of(AccountCredentials.API_KEY, "k1",
                AccountCredentials.SECRET, "s1")).toString()).doesNotContain("k1", "s1").contains("binance/main");
    }
}
