package io.gridbot.exchange.bybit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.preview.MarginTier;
import io.gridbot.exchange.bybit.BybitVenueProvider;
import io.gridbot.exchange.bybit.fake.FakeBybit;
import io.gridbot.exchange.bybit.fake.FakeInstrument;
import io.gridbot.exchange.bybit.fake.FakeRiskLimit;
import io.gridbot.exchange.venue.VenueSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Without credentials, Bybit's provider reads a contract's maintenance-margin tiers from the public risk limits: each
 * tier starts where the one below ends, the top one has no cap, and a symbol Bybit does not know, tiers that
 * contradict themselves or a Bybit that cannot be reached give none.
 */
class BybitMarginTiersTest {

    private final FakeBybit fake = FakeBybit.start(FakeInstrument.ETHUSDT, new BigDecimal("1650.00"));
    private final VenueSettings noKeys = VenueSettings.of(Map.of(BybitVenueProvider.REST_URL, fake.restUrl()));

    @AfterEach
    void closeTheFake() {
        fake.close();
    }

    @Test
    void theTiersAreTheRiskLimitsInOrderOfTheirLimitTheTopOneUncapped() {
        // Bybit's first three BTCUSDT tiers, sent out of order: the first tier's deduction is "" as Bybit sends it
        fake.riskLimits("ETHUSDT", List.of(new FakeRiskLimit("2600000", "0.0056", "1200"),
                new FakeRiskLimit("2000000", "0.005", ""), new FakeRiskLimit("3200000", "0.0063", "3020")));

        assertThat(new BybitVenueProvider().marginTiers(noKeys, "ETHUSDT")).hasValueSatisfying(table -> {
            assertThat(table.tiers()).containsExactly(
                    tier("0", "2000000", "0.005", "0"),
                    tier("2000000", "2600000", "0.0056", "1200"),
                    tier("2600000", null, "0.0063", "3020"));
            assertThat(table.source()).matches("Bybit GET /v5/market/risk-limit, read \\d{4}-\\d{2}-\\d{2} from "
                    + Pattern.quote(URI.create(fake.restUrl()).getAuthority()));
        });
        assertThat(fake.requestsSeen()).as("one public call").containsExactly(
                "GET /v5/market/risk-limit?category=linear&symbol=ETHUSDT");
        assertThat(fake.signaturesSeen()).isEmpty();
    }

    @Test
    void anUnknownSymbolTiersThatJumpOrAnUnreachableBybitGiveNoTiers() {
        assertThat(new BybitVenueProvider().marginTiers(noKeys, "DOGEUSDT")).as("not listed").isEmpty();

        fake.riskLimits("ETHUSDT", List.of(new FakeRiskLimit("2000000", "0.005", ""),
                new FakeRiskLimit("2600000", "0.0056", "999")));
        assertThat(new BybitVenueProvider().marginTiers(noKeys, "ETHUSDT")).as("a deduction that breaks continuity")
                .isEmpty();

        fake.close();
        assertThat(new BybitVenueProvider().marginTiers(noKeys, "ETHUSDT")).as("unreachable").isEmpty();
    }

    private static MarginTier tier(String floor, String cap, String rate, String amount) {
        return new MarginTier(new BigDecimal(floor), cap == null ? null : new BigDecimal(cap), new BigDecimal(rate),
                new BigDecimal(amount));
    }
}
