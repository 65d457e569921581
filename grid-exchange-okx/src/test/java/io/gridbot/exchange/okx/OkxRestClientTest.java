package io.gridbot.exchange.okx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.okx.fake.FakeInstrument;
import io.gridbot.exchange.okx.fake.FakeOkx;
import io.gridbot.exchange.okx.sign.OkxCredentials;
import io.gridbot.exchange.okx.wire.OkxSymbolRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The signed REST client against the fake OKX: instruments as rules, the clock offset, every credential and
 * environment refusal with OKX's code, and pacing that keeps a burst under OKX's per-instrument limit.
 */
class OkxRestClientTest {

    private FakeOkx fake;
    private OkxRest okx;
    private final List<String> doubts = new ArrayList<>();

    @BeforeEach
    void start() throws ExchangeException {
        fake = FakeOkx.start(FakeInstrument.BTC_USDT_SWAP, new BigDecimal("64000"));
        okx = fake.connect(fake.settings(), doubts::add);
        okx.client().syncTime();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aListedSwapBecomesRulesInTheBaseAssetWithItsContractSize() throws ExchangeException {
        OkxSymbolRules rules = okx.instruments().rules("BTC-USDT-SWAP");
        assertThat(rules.core().tickSize()).isEqualByComparingTo("0.1");
        assertThat(rules.core().stepSize()).isEqualByComparingTo("0.0001");
        assertThat(rules.core().minQty()).isEqualByComparingTo("0.0001");
        assertThat(rules.core().maxOpenOrders()).isEqualTo(500);
        assertThat(rules.contracts().ctVal()).isEqualByComparingTo("0.01");
        assertThat(okx.instruments().swaps()).extracting(i -> i.instId()).containsExactly("BTC-USDT-SWAP");
        assertThat(fake.requestsSeen()).contains("GET /api/v5/public/instruments?instType=SWAP&instId=BTC-USDT-SWAP");
    }

    @Test
    void anUnlistedSwapIsRefusedWithOkxsCode() {
        assertThatThrownBy(() -> okx.instruments().rules("DOGE-USDT-SWAP")).isInstanceOfSatisfying(ExchangeException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(ExchangeErrorKind.OTHER);
                    assertThat(e.venueCode()).isEqualTo("51001");
                });
    }

    @Test
    void aVenueClockAheadByMoreThanThirtySecondsIsFollowedAfterOneRefusal() throws ExchangeException {
        fake.skewClock(45_000);
        okx.account().balance();
        assertThat(okx.client().clock().offsetMs()).isBetween(44_000L, 46_000L);
        assertThat(fake.requestsSeen()).filteredOn(r -> r.startsWith("GET /api/v5/account/balance")).hasSize(2);
    }

    @Test
    void aWrongPassphraseSecretOrKeyIsRefusedWithOkxsCodeAndNoSecretInTheMessage() {
        OkxCredentials right = FakeOkx.CREDENTIALS;
        assertRefused(new OkxCredentials(right.apiKey(), right.secret(), "wrongPhrase"), "50105");
        assertRefused(new OkxCredentials(right.apiKey(), "WRONGSECRET0000000000000000000000", right.passphrase()), "50113");
        assertThat(fake.badSignatures()).isEqualTo(1);
        assertRefused(new OkxCredentials("another-key", right.secret(), right.passphrase()), "50111");
    }

    private void assertRefused(OkxCredentials credentials, String code) {
        OkxSettings settings = new OkxSettings(fake.restUrl(), credentials, true, fake.settings().connectTimeout(),
                fake.settings().requestTimeout(), 0.9);
        OkxRest other = fake.connect(settings, doubts::add);
        assertThatThrownBy(() -> other.account().balance()).isInstanceOfSatisfying(ExchangeException.class, e -> {
            assertThat(e.kind()).isEqualTo(ExchangeErrorKind.AUTHENTICATION);
            assertThat(e.venueCode()).isEqualTo(code);
            assertThat(e.getMessage()).doesNotContain(credentials.secret(), credentials.passphrase());
        });
    }

    @Test
    void aDemoKeyWithoutTheDemoHeaderIsInTheWrongEnvironment() {
        OkxSettings live = new OkxSettings(fake.restUrl(), FakeOkx.CREDENTIALS, false, fake.settings().connectTimeout(),
                fake.settings().requestTimeout(), 0.9);
        OkxRest other = fake.connect(live, doubts::add);
        assertThatThrownBy(() -> other.account().positions("BTC-USDT-SWAP"))
                .isInstanceOfSatisfying(ExchangeException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ExchangeErrorKind.AUTHENTICATION);
                    assertThat(e.venueCode()).isEqualTo("50101");
                    assertThat(e.venueMessage()).isEqualTo("APIKey does not match current environment.");
                });
    }

    @Test
    void afterTheVenuesRateRefusalTheEndpointIsHeldBackWithoutAskingAgain() {
        fake.faults().refuseNextRequest(429, "50011", "Too Many Requests");
        assertThatThrownBy(() -> okx.account().positions("BTC-USDT-SWAP")).isInstanceOfSatisfying(ExchangeException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(ExchangeErrorKind.RATE_LIMITED);
                    assertThat(e.retryAfterMs()).isEqualTo(2_000);
                });
        int seen = fake.requestsSeen().size();
        assertThatThrownBy(() -> okx.account().positions("BTC-USDT-SWAP"))
                .isInstanceOfSatisfying(ExchangeException.class, e -> assertThat(e.kind()).isEqualTo(ExchangeErrorKind.RATE_LIMITED));
        assertThat(fake.requestsSeen()).hasSize(seen);
    }

    @Test
    void aBurstOfOrdersOnOneSwapIsPacedUnderItsLimitOfSixtyPerTwoSeconds() throws ExchangeException {
        fake.freezeClock();
        okx = fake.connect(fake.settings(), doubts::add);
        OkxSymbolRules rules = okx.instruments().rules("BTC-USDT-SWAP");
        for (int i = 0; i < 130; i++) {
            okx.orders().place(OrderRequest.limit("gbP" + i, "BTC-USDT-SWAP", Side.BUY,
                    new BigDecimal("50000").add(BigDecimal.valueOf(i)), new BigDecimal("0.0001"), TimeInForce.GTC, false,
                    PositionSide.BOTH), rules.contracts());
        }
        assertThat(fake.rateLimited()).isZero();
        assertThat(fake.ordersAccepted()).hasSize(130);
        assertThat(fake.pacedMs()).as("two windows waited out").isGreaterThanOrEqualTo(4_000).isLessThan(6_000);
        assertThat(okx.orders().pending("BTC-USDT-SWAP")).hasSize(130);
    }
}
