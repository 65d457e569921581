package io.gridbot.exchange.okx;

import static io.gridbot.exchange.okx.OkxOrdersTest.assertKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.okx.fake.FakeInstrument;
import io.gridbot.exchange.okx.fake.FakeOkx;
import io.gridbot.exchange.okx.wire.ContractSize;
import io.gridbot.exchange.okx.wire.NeutralMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The protective stop as an OKX conditional order that closes the whole position, against the fake OKX. */
class OkxStopsTest {

    private static final String BTC = "BTC-USDT-SWAP";

    private FakeOkx fake;
    private OkxRest okx;
    private ContractSize size;

    @BeforeEach
    void start() throws ExchangeException {
        fake = FakeOkx.start(FakeInstrument.BTC_USDT_SWAP, new BigDecimal("64000")).freezeClock();
        okx = fake.connect(fake.settings(), doubt -> { });
        size = okx.instruments().rules(BTC).contracts();
        okx.orders().place(new OrderRequest("gbE1", BTC, Side.BUY, OrderType.MARKET, null, null, new BigDecimal("0.02"),
                null, false, false, PositionSide.BOTH, null), size);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static OrderRequest stop(String id, String trigger, StopTrigger kind) {
        return OrderRequest.protectiveStop(id, BTC, Side.SELL, new BigDecimal(trigger), PositionSide.BOTH, kind);
    }

    @Test
    void theStopIsAConditionalStopLossAtMarketThatClosesThePosition() throws ExchangeException {
        var ack = NeutralMapper.ack(okx.orders().placeStop(stop("gbS1", "60000", StopTrigger.LAST), size));
        assertThat(ack.clientOrderId()).isEqualTo("gbS1");
        assertThat(fake.bodiesSeen().getLast()).isEqualTo("{\"instId\":\"BTC-USDT-SWAP\",\"tdMode\":\"cross\","
                + "\"algoClOrdId\":\"gbS1\",\"side\":\"sell\",\"posSide\":\"net\",\"ordType\":\"conditional\","
                + "\"closeFraction\":\"1\",\"slTriggerPx\":\"60000\",\"slOrdPx\":\"-1\",\"slTriggerPxType\":\"last\","
                + "\"reduceOnly\":true}");
        OpenOrder open = NeutralMapper.openOrder(okx.orders().pendingStops(BTC).getFirst(), size);
        assertThat(open.type()).isEqualTo(OrderType.STOP_MARKET);
        assertThat(open.stopPrice()).isEqualByComparingTo("60000");
        assertThat(open.origQty()).isNull();
        assertThat(open.exchangeOrderId()).isEqualTo(ack.exchangeOrderId());
        assertThat(NeutralMapper.state(okx.orders().queryStop("gbS1"), size).status()).isEqualTo(OrderStatus.NEW);

        fake.trade(BTC, new BigDecimal("59900"), null);
        assertThat(okx.account().positions(BTC)).isEmpty();
        assertThat(NeutralMapper.state(okx.orders().queryStop("gbS1"), size).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(okx.orders().pendingStops(BTC)).isEmpty();
    }

    @Test
    void okxTakesOneClosePositionStopPerPosition() throws ExchangeException {
        okx.orders().placeStop(stop("gbS2", "60000", StopTrigger.MARK), size);
        assertThat(fake.bodiesSeen().getLast()).contains("\"slTriggerPxType\":\"mark\"");
        assertKind(() -> okx.orders().placeStop(stop("gbS3", "59000", StopTrigger.LAST), size), ExchangeErrorKind.OTHER,
                "51088", "only place 1 TP/SL order to close an entire position");
    }

    @Test
    void aCancelledStopReadsCancelledAndCannotBeCancelledAgain() throws ExchangeException {
        okx.orders().placeStop(stop("gbS4", "60000", StopTrigger.LAST), size);
        okx.orders().cancelStop(BTC, "gbS4");
        assertThat(NeutralMapper.state(okx.orders().queryStop("gbS4"), size).status()).isEqualTo(OrderStatus.CANCELED);
        assertKind(() -> okx.orders().cancelStop(BTC, "gbS4"), ExchangeErrorKind.UNKNOWN_ORDER, "51400", null);
        assertKind(() -> okx.orders().queryStop("gbNone"), ExchangeErrorKind.UNKNOWN_ORDER, "51603", null);
    }
}
