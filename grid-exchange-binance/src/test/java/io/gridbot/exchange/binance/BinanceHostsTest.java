package io.gridbot.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.exchange.binance.sign.ApiCredentials;
import org.junit.jupiter.api.Test;

/**
 * Each Binance environment's REST and stream hosts belong to that environment (issue 11): demo trading's REST
 * host with demo trading's streams, the futures testnet's with the testnet's, production's with production's.
 * The hosts are those of Binance's own connectors (binance-connector-python {@code constants.py}: testnet
 * {@code testnet.binancefuture.com} / {@code fstream.binancefuture.com}, demo {@code demo-fapi.binance.com})
 * and of clients that trade demo ({@code demo-fstream.binance.com}).
 */
class BinanceHostsTest {

    private static final ApiCredentials KEY = new ApiCredentials("k", "s");

    @Test
    void eachEnvironmentsRestAndStreamHostsBelongTogether() {
        assertThat(BinanceSettings.demo(KEY)).extracting(BinanceSettings::restUrl, BinanceSettings::streamUrl)
                .containsExactly("https://demo-fapi.binance.com", "wss://demo-fstream.binance.com");
        assertThat(BinanceSettings.testnet(KEY)).extracting(BinanceSettings::restUrl, BinanceSettings::streamUrl)
                .containsExactly("https://testnet.binancefuture.com", "wss://fstream.binancefuture.com");
        assertThat(BinanceSettings.production(KEY)).extracting(BinanceSettings::restUrl, BinanceSettings::streamUrl)
                .containsExactly("https://fapi.binance.com", "wss://fstream.binance.com");
    }

    @Test
    void everyEnvironmentIsNamedAndItsHostsShareItsDomain() {
        for (BinanceHosts hosts : BinanceHosts.values()) {
            String rest = hosts.rest().replaceFirst("^https://", "");
            String streams = hosts.streams().replaceFirst("^wss://", "");
            assertThat(domain(rest)).as(hosts.name()).isEqualTo(domain(streams));
            assertThat(rest.startsWith("demo-")).as(hosts + ": demo REST only with demo streams").isEqualTo(streams.startsWith("demo-"));
            assertThat(BinanceHosts.named(hosts.name().toLowerCase(java.util.Locale.ROOT))).contains(hosts);
        }
        assertThat(BinanceHosts.named("mainnet")).isEmpty();
    }

    private static String domain(String host) {
        String[] parts = host.split("\\.");
        return parts[parts.length - 2] + "." + parts[parts.length - 1];
    }
}
