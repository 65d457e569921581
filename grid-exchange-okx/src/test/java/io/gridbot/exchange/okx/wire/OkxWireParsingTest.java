package io.gridbot.exchange.okx.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.account.Balance;
import io.gridbot.exchange.account.PositionSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import io.gridbot.exchange.wire.UnknownVenueValueException;

/** OKX's documented payloads (fixtures beside this class, see their SOURCES.md) read into the SPI's values. */
class OkxWireParsingTest {

    private static final ContractSize BTC = new ContractSize("BTC-USDT-SWAP", new BigDecimal("0.01"),
            new BigDecimal("0.01"), new BigDecimal("0.01"));
    private final ObjectMapper json = OkxJson.mapper();

    @Test
    void aLinearUsdtSwapBecomesRulesInTheBaseAsset() throws IOException {
        List<InstrumentWire> all = items("instruments_swap.json", InstrumentWire.class);
        OkxSymbolRules rules = NeutralMapper.rules(all.get(0));
        assertThat(rules.core().symbol()).isEqualTo("BTC-USDT-SWAP");
        assertThat(rules.core().tickSize()).isEqualByComparingTo("0.1");
        assertThat(rules.core().stepSize()).isEqualByComparingTo("0.0001");
        assertThat(rules.core().minQty()).isEqualByComparingTo("0.0001");
        assertThat(rules.core().minNotional()).isEqualByComparingTo("0");
        assertThat(rules.core().maxOpenOrders()).isEqualTo(500);
        assertThat(rules.contracts()).isEqualTo(BTC);
        assertThat(rules.state()).isEqualTo("live");
        assertThat(rules.maxMarketContracts()).isEqualByComparingTo("12000");
    }

    @Test
    void anInverseSwapIsRefusedNamingWhatItIs() throws IOException {
        InstrumentWire inverse = items("instruments_swap.json", InstrumentWire.class).get(1);
        assertThatThrownBy(() -> NeutralMapper.rules(inverse)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BTC-USD-SWAP is not a USDT-margined linear swap (contract type inverse, settled in BTC); only those "
                        + "are supported");
    }

    @Test
    void pendingOrdersComeBackInTheBaseAssetWithEmptyFieldsAsNoValue() throws IOException {
        List<OrderWire> orders = items("orders_pending.json", OrderWire.class);
        OrderWire postOnly = orders.get(0);
        assertThat(postOnly.reduceOnly()).isFalse();
        OrderState state = NeutralMapper.state(postOnly, BTC);
        assertThat(state.clientOrderId()).isEqualTo("gbA7K2M9QXEB25s1");
        assertThat(state.exchangeOrderId()).isEqualTo("1752588852617379840");
        assertThat(state.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(state.price()).isEqualByComparingTo("64210.3");
        assertThat(state.origQty()).isEqualByComparingTo("0.0125");
        assertThat(state.cumFilledQty()).isEqualByComparingTo("0.005");
        assertThat(state.avgPrice()).isEqualByComparingTo("64210.3");
        assertThat(state.updateTimeMs()).isEqualTo(1724733620112L);

        OrderWire exit = orders.get(1);
        assertThat(exit.avgPx()).isNull();
        OpenOrder open = NeutralMapper.openOrder(exit, BTC);
        assertThat(open.side()).isEqualTo(Side.SELL);
        assertThat(open.type()).isEqualTo(OrderType.LIMIT);
        assertThat(open.origQty()).isEqualByComparingTo("0.005");
        assertThat(open.filledQty()).isEqualByComparingTo("0");
        assertThat(open.reduceOnly()).isTrue();
        assertThat(open.positionSide()).isEqualTo(PositionSide.BOTH);
        assertThat(NeutralMapper.state(exit, BTC).avgPrice()).isNull();
    }

    @Test
    void aPostOnlyOrderCancelledAtEntryReadsAsExpiredNotAsTheGridsCancel() throws IOException {
        OrderWire order = items("order_post_only_cancelled.json", OrderWire.class).getFirst();
        assertThat(NeutralMapper.status(order.state(), order.cancelSource())).isEqualTo(OrderStatus.EXPIRED);
        assertThat(NeutralMapper.status("canceled", "1")).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void fillsCarryTheClientIdAndTheFeeCharged() throws IOException {
        List<FillWire> fills = items("fills_history.json", FillWire.class);
        TradeRecord exit = NeutralMapper.trade(fills.get(0), BTC);
        assertThat(exit.clientOrderId()).isEqualTo("gbA7K2M9QXES26s1");
        assertThat(exit.tradeId()).isEqualTo("744876990");
        assertThat(exit.side()).isEqualTo(Side.SELL);
        assertThat(exit.qty()).isEqualByComparingTo("0.005");
        assertThat(exit.fee()).as("a maker rebate is a negative fee").isEqualByComparingTo("-0.00648");
        TradeRecord entry = NeutralMapper.trade(fills.get(1), BTC);
        assertThat(entry.fee()).isEqualByComparingTo("0.0160525");
        assertThat(entry.feeAsset()).isEqualTo("USDT");
        assertThat(entry.atMs()).isEqualTo(1724733620112L);
    }

    @Test
    void aShortLegIsPositiveOnTheWireAndNegativeInTheSpi() throws IOException {
        List<PositionWire> legs = items("positions_long_short.json", PositionWire.class);
        PositionSnapshot longLeg = NeutralMapper.position(legs.get(0), BTC, 0);
        PositionSnapshot shortLeg = NeutralMapper.position(legs.get(1), BTC, 0);
        assertThat(longLeg.positionSide()).isEqualTo(PositionSide.LONG);
        assertThat(longLeg.netQty()).isEqualByComparingTo("0.01");
        assertThat(longLeg.entryPrice()).isEqualByComparingTo("64100.5");
        assertThat(longLeg.unrealizedPnl()).isEqualByComparingTo("0.995");
        assertThat(shortLeg.positionSide()).isEqualTo(PositionSide.SHORT);
        assertThat(shortLeg.netQty()).isEqualByComparingTo("-0.025");
    }

    @Test
    void aNetPositionKeepsItsSignAndTakesTheFallbackTimeWhenOkxGivesNone() throws IOException {
        PositionSnapshot net = NeutralMapper.position(items("positions_net.json", PositionWire.class).getFirst(), BTC, 42L);
        assertThat(net.positionSide()).isEqualTo(PositionSide.BOTH);
        assertThat(net.netQty()).isEqualByComparingTo("-0.025");
        assertThat(net.atMs()).isEqualTo(42L);
    }

    @Test
    void theBalanceIsTheCashBalanceAndTheAvailableEquity() throws IOException {
        BalanceWire account = items("balance.json", BalanceWire.class).getFirst();
        Balance usdt = NeutralMapper.balance(account.details().getFirst());
        assertThat(usdt.asset()).isEqualTo("USDT");
        assertThat(usdt.wallet()).isEqualByComparingTo("4850.435693622894");
        assertThat(usdt.available()).isEqualByComparingTo("4834.3170936228935");
    }

    @Test
    void theAccountConfigurationNamesThePositionMode() throws IOException {
        AccountConfigWire config = items("account_config.json", AccountConfigWire.class).getFirst();
        assertThat(config.posMode()).isEqualTo("long_short_mode");
        assertThat(config.acctLv()).isEqualTo("2");
    }

    @Test
    void aClosePositionStopHasNoQuantityOfItsOwn() throws IOException {
        AlgoOrderWire stop = items("orders_algo_pending.json", AlgoOrderWire.class).getFirst();
        OpenOrder open = NeutralMapper.openOrder(stop, BTC);
        assertThat(open.clientOrderId()).isEqualTo("gbA7K2M9QXSS0s3");
        assertThat(open.type()).isEqualTo(OrderType.STOP_MARKET);
        assertThat(open.stopPrice()).isEqualByComparingTo("60000");
        assertThat(open.origQty()).isNull();
        assertThat(open.reduceOnly()).isTrue();
        assertThat(NeutralMapper.state(stop, BTC).status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void aBatchAnswerSaysPerItemWhichFailed() throws IOException {
        List<OrderResultWire> items = items("batch_partial.json", OrderResultWire.class);
        assertThat(items.get(0).ok()).isTrue();
        assertThat(items.get(1).ok()).isFalse();
        assertThat(items.get(1).sCode()).isEqualTo("51008");
        assertThat(items.get(1).subCode()).isEqualTo("1001");
    }

    @Test
    void valuesTheAdapterDoesNotKnowAreNeverGuessed() {
        assertThatThrownBy(() -> NeutralMapper.status("half_done", "")).isInstanceOf(UnknownVenueValueException.class)
                .hasMessageContaining("half_done");
        assertThatThrownBy(() -> NeutralMapper.side("hold")).isInstanceOf(UnknownVenueValueException.class);
        assertThatThrownBy(() -> NeutralMapper.positionSide("both")).isInstanceOf(UnknownVenueValueException.class);
        assertThatThrownBy(() -> NeutralMapper.type("twap")).isInstanceOf(UnknownVenueValueException.class);
    }

    private <T> List<T> items(String file, Class<T> type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(file)) {
            JsonNode data = json.readTree(in).path("data");
            List<T> out = new java.util.ArrayList<>();
            for (JsonNode item : data) {
                out.add(json.treeToValue(item, type));
            }
            return out;
        }
    }
}
