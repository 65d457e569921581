package io.gridbot.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.BinanceAccountMode.Refusal;
import io.gridbot.exchange.binance.fake.FakeBinance;
import io.gridbot.exchange.binance.sign.ApiCredentials;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The account's position mode switched when a person asks (issue 16), over the wire to the fake Binance, which
 * answers {@code POST /fapi/v1/positionSide/dual} as Binance does: {@code {"code":200,"msg":"success"}}, or a
 * refusal with the code and message of Binance's error reference (-4059 already in that mode, -4067 an open
 * order, -4068 a position). The standalone handle speaks signed REST alone: no listen key, no stream.
 */
class BinanceAccountModeTest {

    private static final String BTC = "BTCUSDT";

    private final FakeBinance fake = FakeBinance.start(FakeBinance.BTCUSDT, new BigDecimal("26000.0"));

    @AfterEach
    void close() {
        fake.close();
    }

    private ExchangeException refusedSwitchTo(BinanceAccountMode account, PositionMode mode) {
        try {
            account.changePositionMode(mode);
        } catch (ExchangeException e) {
            return e;
        }
        throw new AssertionError("the switch to " + mode + " was accepted");
    }

    private void rest(String clientId, Side side, String price) throws ExchangeException {
        fake.venue().createOrder(OrderRequest.limit(clientId, BTC, side, new BigDecimal(price), new BigDecimal("0.010"),
                TimeInForce.GTC, false, PositionSide.BOTH));
    }

    @Test
    void aCleanAccountSwitchesBothWaysWithoutAListenKey() throws Exception {
        try (BinanceAccountMode account = BinanceAccountMode.open(fake.settings())) {
            assertThat(account.positionMode()).isEqualTo(PositionMode.ONE_WAY);

            account.changePositionMode(PositionMode.HEDGE);
            assertThat(account.positionMode()).isEqualTo(PositionMode.HEDGE);
            assertThat(fake.venue().positionMode()).isEqualTo(PositionMode.HEDGE);

            account.changePositionMode(PositionMode.ONE_WAY);
            assertThat(account.positionMode()).isEqualTo(PositionMode.ONE_WAY);
        }
        assertThat(fake.requestsSeen()).filteredOn(r -> r.startsWith("POST /fapi/v1/positionSide/dual"))
                .hasSize(2)
                .satisfiesExactly(r -> assertThat(r).contains("dualSidePosition=true"),
                        r -> assertThat(r).contains("dualSidePosition=false"));
        assertThat(fake.requestsSeen()).noneMatch(r -> r.contains("listenKey"));
        assertThat(fake.connectsSoFar()).as("no stream opened").isZero();
    }

    @Test
    void aSwitchToTheModeTheAccountIsInIsRefusedWith4059() throws Exception {
        try (BinanceAccountMode account = BinanceAccountMode.open(fake.settings())) {
            ExchangeException refused = refusedSwitchTo(account, PositionMode.ONE_WAY);

            assertThat(refused.kind()).isEqualTo(ExchangeErrorKind.OTHER);
            assertThat(refused.venueCode()).isEqualTo("-4059");
            assertThat(refused.venueMessage()).isEqualTo("No need to change position side.");
            assertThat(Refusal.of(refused)).contains(Refusal.UNCHANGED);
        }
    }

    @Test
    void anOpenOrderOnAnySymbolRefusesTheSwitchWith4067() throws Exception {
        rest("resting-1", Side.BUY, "25000.0");
        try (BinanceAccountMode account = BinanceAccountMode.open(fake.settings())) {
            ExchangeException refused = refusedSwitchTo(account, PositionMode.HEDGE);

            assertThat(refused.venueCode()).isEqualTo("-4067");
            assertThat(refused.venueMessage()).isEqualTo("Position side cannot be changed if there exists open orders.");
            assertThat(Refusal.of(refused)).contains(Refusal.ORDERS_OPEN);
            assertThat(account.positionMode()).isEqualTo(PositionMode.ONE_WAY);
        }
    }

    @Test
    void aPositionOnAnySymbolRefusesTheSwitchWith4068() throws Exception {
        rest("entry-1", Side.BUY, "25990.0");
        fake.trade(BTC, new BigDecimal("25990.0"), new BigDecimal("0.010"));
        assertThat(fake.venue().position(BTC).netQty()).isEqualByComparingTo("0.010");
        try (BinanceAccountMode account = BinanceAccountMode.open(fake.settings())) {
            ExchangeException refused = refusedSwitchTo(account, PositionMode.HEDGE);

            assertThat(refused.venueCode()).isEqualTo("-4068");
            assertThat(refused.venueMessage()).isEqualTo("Position side cannot be changed if there exists position.");
            assertThat(Refusal.of(refused)).contains(Refusal.POSITION_OPEN);
        }
    }

    @Test
    void aMalformedRequestIsNoRefusalAPersonActsOn() throws Exception {
        assertThat(Refusal.of(new ExchangeException(ExchangeErrorKind.OTHER, "-1102", "Mandatory parameter"))).isEmpty();
        assertThat(Refusal.of(new ExchangeException(ExchangeErrorKind.TIMEOUT_UNKNOWN, null, "timed out"))).isEmpty();
        assertThat(Refusal.of(new ExchangeException(ExchangeErrorKind.OTHER, "x", "not a number"))).isEmpty();
    }

    @Test
    void aWrongSecretIsRefusedAtTheFirstSignedCall() throws Exception {
        BinanceSettings wrong = fake.settings().withCredentials(
                new ApiCredentials(FakeBinance.CREDENTIALS.apiKey(), "not-the-secret"));
        try (BinanceAccountMode account = BinanceAccountMode.open(wrong)) {
            assertThatThrownBy(account::positionMode).isInstanceOfSatisfying(ExchangeException.class,
                    e -> assertThat(e.kind()).isEqualTo(ExchangeErrorKind.AUTHENTICATION));
        }
    }
}
