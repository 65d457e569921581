package io.gridbot.exchange.okx.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.exchange.contract.VenueProviderContract;
import io.gridbot.exchange.okx.OkxHosts;
import io.gridbot.exchange.okx.OkxVenueProvider;
import io.gridbot.exchange.okx.fake.FakeInstrument;
import io.gridbot.exchange.okx.fake.FakeOkx;
import io.gridbot.exchange.venue.AccountCredentials;
import io.gridbot.exchange.venue.ClientIdCodec;
import io.gridbot.exchange.venue.SymbolListing;
import io.gridbot.exchange.venue.VenueCatalog;
import io.gridbot.exchange.venue.VenueProvider;
import io.gridbot.exchange.venue.VenueSettings;
import io.gridbot.exchange.venue.VenueSetupException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * OKX's provider keeps the provider contract against the fake OKX, and reads its environment as docs/okx.md says:
 * key, secret and passphrase from the environment or the stored account, demo unless production is named, the
 * REST host overridable, and a clear reason when something is missing (issue 17). Without credentials it offers
 * the swaps the adapter trades and tells a swap's last price.
 */
class OkxVenueProviderContractTest extends VenueProviderContract {

    private FakeOkx fake;

    @Override
    protected VenueProvider provider() {
        return new OkxVenueProvider();
    }

    @Override
    protected VenueSettings settings() {
        fake = FakeOkx.start(FakeInstrument.BTC_USDT_SWAP, new BigDecimal("26050.0"));
        return VenueSettings.of(Map.of(OkxVenueProvider.API_KEY, FakeOkx.CREDENTIALS.apiKey(),
                OkxVenueProvider.API_SECRET, FakeOkx.CREDENTIALS.secret(),
                OkxVenueProvider.PASSPHRASE, FakeOkx.CREDENTIALS.passphrase(), OkxVenueProvider.REST_URL, fake.restUrl()));
    }

    @AfterEach
    void closeTheFake() {
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void theSymbolsComeFromThePublicInstrumentsWithoutCredentialsAStepBeingOneLot() {
        fake = FakeOkx.start(FakeInstrument.ETH_USDT_SWAP, new BigDecimal("1650.00"));
        VenueSettings noKeys = VenueSettings.of(Map.of(OkxVenueProvider.REST_URL, fake.restUrl()));

        assertThat(provider().listing(noKeys, "ETH-USDT-SWAP")).isInstanceOfSatisfying(SymbolListing.Listed.class,
                l -> {
                    SymbolRules rules = l.rules();
                    assertThat(rules.symbol()).isEqualTo("ETH-USDT-SWAP");
                    assertThat(rules.stepSize()).as("lotSz 1 x ctVal 0.1").isEqualByComparingTo("0.1");
                    assertThat(rules.minQty()).isEqualByComparingTo("0.1");
                    assertThat(rules.tickSize()).isEqualByComparingTo("0.01");
                });
        assertThat(fake.requestsSeen()).as("no signed call, only the public list").allSatisfy(
                r -> assertThat(r).contains("/api/v5/public/"));
        assertThat(provider().listing(noKeys, "ETHUSDT")).isInstanceOfSatisfying(SymbolListing.NotListed.class,
                n -> assertThat(n.reason()).startsWith("okx does not list it"));
        String url = fake.restUrl();
        fake.close();
        assertThat(provider().listing(noKeys, "ETH-USDT-SWAP")).isInstanceOfSatisfying(SymbolListing.Unchecked.class,
                u -> assertThat(u.reason()).startsWith("okx (" + url + ") could not be reached"));
    }

    @Test
    void theSymbolsOfferedAreTheLiveUsdtLinearSwapsInOrderAndEachHasItsLastPrice() {
        fake = FakeOkx.start(FakeInstrument.ETH_USDT_SWAP, new BigDecimal("1650.25"))
                .list(FakeInstrument.BTC_USDT_SWAP, new BigDecimal("26050.0"))
                .listAs(like("XRP-USDT-SWAP"), new BigDecimal("0.5"), "suspend", "USDT", "linear")
                .listAs(like("BTC-USDC-SWAP"), new BigDecimal("26040.0"), "live", "USDC", "linear")
                .listAs(like("BTC-USD-SWAP"), new BigDecimal("26045.0"), "live", "BTC", "inverse")
                .list(like("AAVE-USDT-SWAP"), new BigDecimal("61.2"));
        VenueSettings noKeys = VenueSettings.of(Map.of(OkxVenueProvider.REST_URL, fake.restUrl()));

        assertThat(provider().symbols(noKeys)).containsExactly("AAVE-USDT-SWAP", "BTC-USDT-SWAP", "ETH-USDT-SWAP");
        assertThat(provider().lastPrice(noKeys, "ETH-USDT-SWAP")).contains(new BigDecimal("1650.25"));
        fake.trade("BTC-USDT-SWAP", new BigDecimal("26061.3"), new BigDecimal("0.01"));
        assertThat(provider().lastPrice(noKeys, "BTC-USDT-SWAP")).contains(new BigDecimal("26061.3"));
        assertThat(provider().lastPrice(noKeys, "DOGE-USDT-SWAP")).as("not listed").isEmpty();
        assertThat(fake.requestsSeen()).as("no signed call").allSatisfy(
                r -> assertThat(r).containsAnyOf("/api/v5/public/", "/api/v5/market/ticker?instId="));

        fake.close();
        assertThat(provider().symbols(noKeys)).as("unreachable").isEmpty();
        assertThat(provider().lastPrice(noKeys, "BTC-USDT-SWAP")).as("unreachable").isEmpty();
    }

    /** A swap shaped like the BTC one under another instrument id. */
    private static FakeInstrument like(String instId) {
        FakeInstrument i = FakeInstrument.BTC_USDT_SWAP;
        return new FakeInstrument(instId, i.tickSz(), i.lotSz(), i.minSz(), i.ctVal());
    }

    @Test
    void theKeysComeFromTheEnvironmentElseTheStoredAccountWithItsPassphraseElseTheReasonSaysWhatToSet()
            throws Exception {
        VenueSettings stored = new VenueSettings(Map.of(OkxVenueProvider.ACCOUNT, "main"), (venue, account) ->
                venue.equals("okx") && account.equals("main") ? Optional.of(new AccountCredentials(venue, account,
                        Map.of(AccountCredentials.API_KEY, "stored-k", AccountCredentials.SECRET, "stored-s",
                                AccountCredentials.PASSPHRASE, "stored-p")))
                        : Optional.empty());
        assertThat(OkxVenueProvider.settings(stored).credentials().passphrase()).isEqualTo("stored-p");
        assertThat(OkxVenueProvider.settings(stored).simulated()).as("demo by default").isTrue();
        assertThat(OkxVenueProvider.settings(VenueSettings.of(Map.of(OkxVenueProvider.ENV, "production",
                OkxVenueProvider.API_KEY, "k", OkxVenueProvider.API_SECRET, "s", OkxVenueProvider.PASSPHRASE, "p"))))
                .satisfies(s -> {
                    assertThat(s.simulated()).isFalse();
                    assertThat(s.restUrl()).isEqualTo(OkxHosts.PRODUCTION.restUrl());
                });

        VenueSettings noPassphrase = new VenueSettings(Map.of(), (venue, account) -> Optional.of(
                new AccountCredentials(venue, account, Map.of(AccountCredentials.API_KEY, "k",
                        AccountCredentials.SECRET, "s"))));
        assertThatThrownBy(() -> OkxVenueProvider.settings(noPassphrase)).isInstanceOf(VenueSetupException.class)
                .hasMessageEndingWith("(the stored one has no passphrase)");
        assertThatThrownBy(() -> VenueCatalog.of(List.of(provider())).open("okx", VenueSettings.of(Map.of())))
                .isInstanceOf(VenueSetupException.class)
                .hasMessage("no credentials: set GRIDBOT_OKX_API_KEY, GRIDBOT_OKX_API_SECRET and GRIDBOT_OKX_PASSPHRASE, "
                        + "or store the okx account 'default' with its passphrase in the encrypted credential store");
        assertThatThrownBy(() -> OkxVenueProvider.settings(VenueSettings.of(Map.of(OkxVenueProvider.ENV, "testnet"))))
                .hasMessage("GRIDBOT_OKX_ENV must be demo or production, not 'testnet'");
    }

    @Test
    void everySettingItReadsIsDescribedTheSecretOnesMayBeStoredAndIdsAreLettersAndDigits() {
        assertThat(provider().settings()).extracting(s -> s.name()).containsExactly(OkxVenueProvider.ENV,
                OkxVenueProvider.API_KEY, OkxVenueProvider.API_SECRET, OkxVenueProvider.PASSPHRASE,
                OkxVenueProvider.ACCOUNT, OkxVenueProvider.REST_URL, OkxVenueProvider.STREAM_URL);
        assertThat(provider().settings()).filteredOn(s -> s.secret()).extracting(s -> s.storedField())
                .containsExactly(AccountCredentials.API_KEY, AccountCredentials.SECRET, AccountCredentials.PASSPHRASE);
        assertThat(provider().clientIdRules().toString()).isEqualTo("at most 32 characters of [A-Za-z0-9]");
        assertThat(provider().clientIdCodec()).isSameAs(ClientIdCodec.LETTERS_AND_DIGITS);
    }
}
