package io.gridbot.exchange.binance.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.binance.BinanceVenueProvider;
import io.gridbot.exchange.binance.fake.FakeBinance;
import io.gridbot.exchange.contract.VenueProviderContract;
import io.gridbot.exchange.venue.AccountCredentials;
import io.gridbot.exchange.venue.SymbolListing;
import io.gridbot.exchange.venue.VenueCatalog;
import io.gridbot.exchange.venue.VenueProvider;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.exchange.venue.VenueSetupException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Binance's provider keeps the provider contract against the fake Binance, and reads its environment as
 * docs/binance.md says: keys from the environment or the stored account, hosts from the environment's name or the
 * overrides, and a clear reason when something is missing. Without credentials it offers the symbols the adapter
 * trades and tells a symbol's last price.
 */
class BinanceVenueProviderContractTest extends VenueProviderContract {

    private FakeBinance fake;

    @Override
    protected VenueProvider provider() {
        return new BinanceVenueProvider();
    }

    @Override
    protected VenueSettings settings() {
        fake = FakeBinance.start(FakeBinance.BTCUSDT, new BigDecimal("26050.0"));
        return VenueSettings.of(Map.of(BinanceVenueProvider.API_KEY, FakeBinance.CREDENTIALS.apiKey(),
                BinanceVenueProvider.API_SECRET, FakeBinance.CREDENTIALS.secret(),
                BinanceVenueProvider.REST_URL, fake.restUrl(), BinanceVenueProvider.STREAM_URL, fake.streamUrl()));
    }

    @AfterEach
    void closeTheFake() {
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void theSymbolsComeFromThePublicExchangeInfoWithoutCredentials() {
        fake = FakeBinance.start(FakeBinance.BTCUSDT, new BigDecimal("26050.0"));
        VenueSettings noKeys = VenueSettings.of(Map.of(BinanceVenueProvider.REST_URL, fake.restUrl()));

        assertThat(provider().listing(noKeys, "BTCUSDT")).isEqualTo(new SymbolListing.Listed(FakeBinance.BTCUSDT));
        assertThat(provider().listing(noKeys, "ETHUSDT")).isEqualTo(new SymbolListing.NotListed("binance does not list it"));
        String url = fake.restUrl();
        fake.close();
        assertThat(provider().listing(noKeys, "BTCUSDT")).isInstanceOfSatisfying(SymbolListing.Unchecked.class,
                u -> assertThat(u.reason()).startsWith("binance (" + url + ") could not be reached"));
    }

    @Test
    void theSymbolsOfferedAreTheTradingUsdtPerpetualsInOrderAndEachHasItsLastPrice() {
        fake = FakeBinance.start(FakeBinance.BTCUSDT, new BigDecimal("26050.0"))
                .list(like("ETHUSDT"), new BigDecimal("1650.25"))
                .listAs(like("XRPUSDT"), new BigDecimal("0.5"), "SETTLING", "PERPETUAL", "USDT")
                .listAs(like("BTCUSDT_250328"), new BigDecimal("26300.0"), "TRADING", "CURRENT_QUARTER", "USDT")
                .listAs(like("BTCUSDC"), new BigDecimal("26040.0"), "TRADING", "PERPETUAL", "USDC")
                .list(like("AAVEUSDT"), new BigDecimal("61.2"));
        VenueSettings noKeys = VenueSettings.of(Map.of(BinanceVenueProvider.REST_URL, fake.restUrl()));

        assertThat(provider().symbols(noKeys)).containsExactly("AAVEUSDT", "BTCUSDT", "ETHUSDT");
        assertThat(provider().lastPrice(noKeys, "ETHUSDT")).contains(new BigDecimal("1650.25"));
        fake.trade("BTCUSDT", new BigDecimal("26061.3"), new BigDecimal("0.5"));
        assertThat(provider().lastPrice(noKeys, "BTCUSDT")).contains(new BigDecimal("26061.3"));
        assertThat(provider().lastPrice(noKeys, "DOGEUSDT")).as("not listed").isEmpty();
        assertThat(fake.requestsSeen()).contains("GET /fapi/v1/ticker/price?symbol=BTCUSDT");

        fake.close();
        assertThat(provider().symbols(noKeys)).as("unreachable").isEmpty();
        assertThat(provider().lastPrice(noKeys, "BTCUSDT")).as("unreachable").isEmpty();
    }

    /** A symbol with BTCUSDT's rules under another name. */
    private static SymbolRules like(String symbol) {
        SymbolRules r = FakeBinance.BTCUSDT;
        return new SymbolRules(symbol, r.tickSize(), r.stepSize(), r.minQty(), r.minNotional(), r.maxOpenOrders());
    }

    @Test
    void theKeysComeFromTheEnvironmentElseTheStoredAccountElseTheReasonSaysWhatToSet() throws Exception {
        VenueSettings stored = new VenueSettings(Map.of(BinanceVenueProvider.ACCOUNT, "main"), (venue, account) ->
                venue.equals("binance") && account.equals("main") ? Optional.of(new AccountCredentials(venue, account,
                        Map.of(AccountCredentials.API_KEY, "stored-k", AccountCredentials.SECRET, "stored-s")))
                        : Optional.empty());
        assertThat(BinanceVenueProvider.settings(stored).credentials().apiKey()).isEqualTo("stored-k");
        assertThat(BinanceVenueProvider.settings(stored).restUrl()).as("demo by default")
                .isEqualTo("https://demo-fapi.binance.com");

        assertThatThrownBy(() -> VenueCatalog.of(java.util.List.of(provider())).open("binance",
                VenueSettings.of(Map.of()))).isInstanceOf(VenueSetupException.class)
                .hasMessage("no credentials: set GRIDBOT_BINANCE_API_KEY and GRIDBOT_BINANCE_API_SECRET, or store the "
                        + "binance account 'default' in the encrypted credential store");
        assertThatThrownBy(() -> BinanceVenueProvider.settings(VenueSettings.of(Map.of(BinanceVenueProvider.ENV,
                "mainnet")))).hasMessage("GRIDBOT_BINANCE_ENV must be demo, testnet or production, not 'mainnet'");
    }

    @Test
    void everySettingItReadsIsDescribedAndTheSecretOnesMayBeStored() {
        assertThat(provider().settings()).extracting(s -> s.name()).containsExactly(BinanceVenueProvider.ENV,
                BinanceVenueProvider.API_KEY, BinanceVenueProvider.API_SECRET, BinanceVenueProvider.ACCOUNT,
                BinanceVenueProvider.REST_URL, BinanceVenueProvider.STREAM_URL);
        assertThat(provider().settings()).filteredOn(s -> s.secret()).extracting(s -> s.storedField())
                .containsExactly(AccountCredentials.API_KEY, AccountCredentials.SECRET);
    }
}
