package io.gridbot.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.runner.GridbotMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code grid venues}: the venues found, what each reads, and whether it is set, never a secret's value. */
class VenuesCommandTest {

    private static String run(Map<String, String> env) {
        StringWriter out = new StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new GridbotMain(), new picocli.CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == VenuesCommand.class ? type.cast(new VenuesCommand(env))
                        : picocli.CommandLine.defaultFactory().create(type);
            }
        });
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("venues")).isZero();
        return out.toString();
    }

    @Test
    void everyVenueFoundIsListedWithWhatItReadsAndWhetherItIsSet() {
        String said = run(Map.of("GRIDBOT_BINANCE_API_KEY", "k3y-value", "GRIDBOT_BINANCE_API_SECRET", " "));

        assertThat(said).contains("binance: Binance USD-M futures",
                "  protective stops yes, hedge mode yes, batches of 5",
                "  client order ids: at most 36 characters of [.A-Z:/a-z0-9_-]",
                "  GRIDBOT_BINANCE_API_KEY (set; else the stored account's apiKey): ",
                "  GRIDBOT_BINANCE_API_SECRET (not set; else the stored account's secret): ",
                "  GRIDBOT_BINANCE_ENV (not set): demo (the default), testnet or production",
                "simulated: Simulated exchange").doesNotContain("k3y-value");
        assertThat(said.indexOf("binance:")).isLessThan(said.indexOf("simulated:"));
    }

    @Test
    void okxIsListedWithItsPassphraseAndEveryVariableSetOrNotNeverAValue() {
        // issue 17
        String said = run(Map.of("GRIDBOT_OKX_API_KEY", "okx-k3y-value", "GRIDBOT_OKX_API_SECRET", "okx-s3cret-value",
                "GRIDBOT_OKX_PASSPHRASE", "okx-pa55-value"));

        assertThat(said).contains("okx: OKX USDT perpetual swaps",
                "  protective stops yes, hedge mode yes, batches of 20",
                "  client order ids: at most 32 characters of [A-Za-z0-9]",
                "  GRIDBOT_OKX_ENV (not set): demo (the default) or production",
                "  GRIDBOT_OKX_API_KEY (set; else the stored account's apiKey): ",
                "  GRIDBOT_OKX_API_SECRET (set; else the stored account's secret): ",
                "  GRIDBOT_OKX_PASSPHRASE (set; else the stored account's passphrase): ",
                "  GRIDBOT_OKX_ACCOUNT (not set): ", "  GRIDBOT_OKX_REST_URL (not set): ",
                "  GRIDBOT_OKX_STREAM_URL (not set): ")
                .doesNotContain("okx-k3y-value").doesNotContain("okx-s3cret-value").doesNotContain("okx-pa55-value");
        assertThat(said.indexOf("binance:")).isLessThan(said.indexOf("okx:"));
        assertThat(said.indexOf("okx:")).isLessThan(said.indexOf("simulated:"));
    }

    @Test
    void bybitIsListedWithItsSettingsAndTheCoreIdsRulesNeverAValue() {
        // issue 18
        String said = run(Map.of("GRIDBOT_BYBIT_API_KEY", "byb1t-k3y-value", "GRIDBOT_BYBIT_API_SECRET",
                "byb1t-s3cret-value"));

        assertThat(said).contains("bybit: Bybit USDT perpetuals",
                "  protective stops yes, hedge mode yes, batches of 20",
                "  client order ids: at most 36 characters of [A-Za-z0-9_-]",
                "  GRIDBOT_BYBIT_ENV (not set): testnet (the default), demo or production",
                "  GRIDBOT_BYBIT_API_KEY (set; else the stored account's apiKey): ",
                "  GRIDBOT_BYBIT_API_SECRET (set; else the stored account's secret): ",
                "  GRIDBOT_BYBIT_ACCOUNT (not set): ", "  GRIDBOT_BYBIT_REST_URL (not set): ",
                "  GRIDBOT_BYBIT_STREAM_URL (not set): ")
                .doesNotContain("byb1t-k3y-value").doesNotContain("byb1t-s3cret-value");
        assertThat(said.indexOf("binance:")).isLessThan(said.indexOf("bybit:"));
        assertThat(said.indexOf("bybit:")).isLessThan(said.indexOf("okx:"));
    }
}
