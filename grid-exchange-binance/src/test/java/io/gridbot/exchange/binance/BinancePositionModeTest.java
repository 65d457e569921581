package io.gridbot.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeAdapter.Result;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.binance.fake.FakeBinance;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The account's position mode (issue 11, then 16): read when the adapter opens and reported as it is, one-way or
 * hedge, never switched unasked. In hedge mode orders name their leg and are never sent reduce-only (Binance
 * refuses the flag on a leg, -1106), and open orders come back with their leg.
 */
class BinancePositionModeTest {

    private static final String BTC = "BTCUSDT";

    private final FakeBinance fake = FakeBinance.start(FakeBinance.BTCUSDT, new BigDecimal("26000.0"));

    @AfterEach
    void close() {
        fake.close();
    }

    private static OrderRequest onLeg(String id, Side side, String price, boolean reduceOnly, PositionSide leg) {
        return OrderRequest.limit(id, BTC, side, new BigDecimal(price), new BigDecimal("0.010"), TimeInForce.GTC,
                reduceOnly, leg);
    }

    @Test
    void aOneWayAccountOpensAfterItsPositionModeWasReadAndTheAdapterSpeaksHedgeMode() throws Exception {
        try (BinanceAdapter adapter = BinanceAdapter.open(fake.settings())) {
            assertThat(adapter.capabilities().hedgeMode()).isTrue();
            assertThat(adapter.positionMode()).isEqualTo(PositionMode.ONE_WAY);
        }
        assertThat(fake.requestsSeen()).anyMatch(r -> r.startsWith("GET /fapi/v1/positionSide/dual?"))
                .noneMatch(r -> r.startsWith("POST /fapi/v1/positionSide/dual"));
    }

    @Test
    void aHedgeModeAccountOpensAndIsReportedAsItIsNeverSwitched() throws Exception {
        fake.hedgeMode(true);

        try (BinanceAdapter adapter = BinanceAdapter.open(fake.settings())) {
            assertThat(adapter.positionMode()).isEqualTo(PositionMode.HEDGE);
        }
        assertThat(fake.requestsSeen()).noneMatch(r -> r.startsWith("POST /fapi/v1/positionSide/dual"));
    }

    @Test
    void hedgeOrdersNameTheirLegAndOpenOrdersComeBackWithIt() throws Exception {
        fake.hedgeMode(true);
        try (BinanceAdapter adapter = BinanceAdapter.open(fake.settings())) {
            adapter.createOrder(onLeg("long-1", Side.BUY, "25000.0", false, PositionSide.LONG));
            List<Result<OrderAck>> batch = adapter.createOrders(List.of(
                    onLeg("short-1", Side.SELL, "27000.0", false, PositionSide.SHORT),
                    onLeg("short-2", Side.SELL, "27100.0", false, PositionSide.SHORT)));

            assertThat(batch).allMatch(r -> r.ok());
            assertThat(fake.requestsSeen()).filteredOn(r -> r.contains("long-1")).singleElement()
                    .satisfies(r -> assertThat(r).contains("positionSide=LONG").doesNotContain("reduceOnly"));
            assertThat(adapter.openOrders(BTC)).extracting(OpenOrder::clientOrderId, OpenOrder::positionSide)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("long-1", PositionSide.LONG),
                            org.assertj.core.groups.Tuple.tuple("short-1", PositionSide.SHORT),
                            org.assertj.core.groups.Tuple.tuple("short-2", PositionSide.SHORT));
        }
    }

    @Test
    void aReduceOnlyOrderOnALegIsRefusedBeforeItIsSentAndAloneInABatch() throws Exception {
        fake.hedgeMode(true);
        try (BinanceAdapter adapter = BinanceAdapter.open(fake.settings())) {
            assertThatThrownBy(() -> adapter.createOrder(onLeg("exit-1", Side.SELL, "27000.0", true, PositionSide.LONG)))
                    .isInstanceOfSatisfying(ExchangeException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ExchangeErrorKind.OTHER);
                        assertThat(e.venueMessage()).contains("reduceOnly").contains("hedge-mode leg");
                    });
            List<Result<OrderAck>> batch = adapter.createOrders(List.of(
                    onLeg("entry-1", Side.BUY, "25000.0", false, PositionSide.LONG),
                    onLeg("exit-2", Side.BUY, "25100.0", true, PositionSide.SHORT),
                    onLeg("entry-2", Side.BUY, "25200.0", false, PositionSide.LONG)));

            assertThat(batch.get(0).ok()).isTrue();
            assertThat(batch.get(1).error().kind()).isEqualTo(ExchangeErrorKind.OTHER);
            assertThat(batch.get(2).ok()).isTrue();
            assertThat(batch.get(2).value().clientOrderId()).isEqualTo("entry-2");
        }
        assertThat(fake.requestsSeen()).noneMatch(r -> r.contains("exit-1") || r.contains("exit-2"))
                .noneMatch(r -> r.contains("reduceOnly"));
    }
}
