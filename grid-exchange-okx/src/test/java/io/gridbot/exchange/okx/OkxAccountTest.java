package io.gridbot.exchange.okx;

import static io.gridbot.exchange.okx.OkxOrdersTest.assertKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.account.Balance;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.okx.fake.FakeInstrument;
import io.gridbot.exchange.okx.fake.FakeOkx;
import io.gridbot.exchange.okx.wire.ContractSize;
import io.gridbot.exchange.okx.wire.NeutralMapper;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The account through the REST client against the fake OKX: balance, positions in both modes, fills, position mode. */
class OkxAccountTest {

    private static final String BTC = "BTC-USDT-SWAP";

    private FakeOkx fake;
    private OkxRest okx;
    private ContractSize size;

    @BeforeEach
    void start() throws ExchangeException {
        fake = FakeOkx.start(FakeInstrument.BTC_USDT_SWAP, new BigDecimal("64000")).freezeClock();
        okx = fake.connect(fake.settings(), doubt -> { });
        size = okx.instruments().rules(BTC).contracts();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void theBalanceIsTheSimulatedWallet() throws ExchangeException {
        List<Balance> balances = okx.account().balance().details().stream().map(NeutralMapper::balance).toList();
        assertThat(balances).singleElement().satisfies(b -> {
            assertThat(b.asset()).isEqualTo("USDT");
            assertThat(b.wallet()).isEqualByComparingTo("10000");
            assertThat(b.available()).isEqualByComparingTo("10000");
        });
    }

    @Test
    void inLongShortModeEachLegIsListedWithItsSideAndTheShortOneIsNegative() throws ExchangeException {
        fake.longShortMode(true);
        assertThat(okx.account().positionMode()).isEqualTo(PositionMode.HEDGE);
        okx.orders().place(market("gbL1", Side.BUY, "0.03", PositionSide.LONG), size);
        okx.orders().place(market("gbS1", Side.SELL, "0.01", PositionSide.SHORT), size);
        assertThat(fake.bodiesSeen().getLast()).contains("\"posSide\":\"short\"").doesNotContain("reduceOnly");
        List<PositionSnapshot> legs = okx.account().positions(BTC).stream()
                .map(p -> NeutralMapper.position(p, size, 0)).toList();
        assertThat(legs).extracting(PositionSnapshot::positionSide).containsExactlyInAnyOrder(PositionSide.LONG, PositionSide.SHORT);
        assertThat(legs).filteredOn(l -> l.positionSide() == PositionSide.LONG).singleElement()
                .satisfies(l -> assertThat(l.netQty()).isEqualByComparingTo("0.03"));
        assertThat(legs).filteredOn(l -> l.positionSide() == PositionSide.SHORT).singleElement()
                .satisfies(l -> assertThat(l.netQty()).isEqualByComparingTo("-0.01"));
    }

    @Test
    void thePositionModeIsReadAndSwitchedAndTheSwitchIsRefusedWithAnOpenOrder() throws ExchangeException {
        assertThat(okx.account().positionMode()).isEqualTo(PositionMode.ONE_WAY);
        okx.account().changePositionMode(PositionMode.HEDGE);
        assertThat(okx.account().positionMode()).isEqualTo(PositionMode.HEDGE);
        assertThat(fake.bodiesSeen()).contains("{\"posMode\":\"long_short_mode\"}");
        okx.orders().place(OrderRequest.limit("gbE1", BTC, Side.BUY, new BigDecimal("60000"), new BigDecimal("0.01"),
                TimeInForce.GTC, false, PositionSide.LONG), size);
        assertKind(() -> okx.account().changePositionMode(PositionMode.ONE_WAY), ExchangeErrorKind.OTHER, "59000",
                "Close any open positions or orders");
    }

    @Test
    void fillsAreReadBackAcrossPagesOldestFirstWithTheirClientIdsAndFees() throws ExchangeException {
        long from = fake.now();
        for (int i = 0; i < 120; i++) {
            okx.orders().place(market("gbM" + i, Side.BUY, "0.0001", PositionSide.BOTH), size);
        }
        List<TradeRecord> fills = okx.account().fills(BTC, from).stream().map(f -> NeutralMapper.trade(f, size)).toList();
        assertThat(fills).hasSize(120);
        assertThat(fills.getFirst().clientOrderId()).isEqualTo("gbM0");
        assertThat(fills.getLast().clientOrderId()).isEqualTo("gbM119");
        assertThat(fills).allSatisfy(t -> {
            assertThat(t.qty()).isEqualByComparingTo("0.0001");
            assertThat(t.fee()).isPositive();
            assertThat(t.feeAsset()).isEqualTo("USDT");
        });
        assertThat(fake.requestsSeen()).filteredOn(r -> r.startsWith("GET /api/v5/trade/fills-history")).hasSize(2);
        assertThat(fake.rateLimited()).isZero();
    }

    private static OrderRequest market(String id, Side side, String qty, PositionSide leg) {
        return new OrderRequest(id, BTC, side, OrderType.MARKET, null, null, new BigDecimal(qty), null, false, false, leg, null);
    }
}
