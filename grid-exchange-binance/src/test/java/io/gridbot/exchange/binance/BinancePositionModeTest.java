package io.gridbot.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.binance.fake.FakeBinance;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The account's position mode is read when the adapter opens (issue 11): the adapter speaks one-way mode only
 * (no {@code positionSide}, {@code reduceOnly} exits), which Binance refuses in hedge mode, so a hedge-mode
 * account is refused at once with what to do, before any order is sent.
 */
class BinancePositionModeTest {

    private final FakeBinance fake = FakeBinance.start(FakeBinance.BTCUSDT, new BigDecimal("26000.0"));

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void aOneWayAccountOpensAfterItsPositionModeWasRead() throws Exception {
        try (BinanceAdapter adapter = BinanceAdapter.open(fake.settings())) {
            assertThat(adapter.capabilities().hedgeMode()).isFalse();
        }
        assertThat(fake.requestsSeen()).anyMatch(r -> r.startsWith("GET /fapi/v1/positionSide/dual?"));
    }

    @Test
    void aHedgeModeAccountIsRefusedAtOpenWithAClearMessage() {
        fake.hedgeMode(true);

        assertThatThrownBy(() -> BinanceAdapter.open(fake.settings())).isInstanceOfSatisfying(ExchangeException.class, e -> {
            assertThat(e.kind()).isEqualTo(ExchangeErrorKind.OTHER);
            assertThat(e.venueMessage()).isEqualTo("the Binance account is in hedge position mode; gridbot supports "
                    + "one-way mode only until hedge mode lands");
        });
        assertThat(fake.requestsSeen()).noneMatch(r -> r.startsWith("POST /fapi/v1/order"))
                .noneMatch(r -> r.startsWith("POST /fapi/v1/listenKey"));
    }
}
