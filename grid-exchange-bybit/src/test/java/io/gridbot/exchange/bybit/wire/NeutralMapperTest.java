package io.gridbot.exchange.bybit.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.wire.UnknownVenueValueException;
import org.junit.jupiter.api.Test;

/**
 * Bybit's JSON, in the shapes of its documentation's response examples (fields as named there, empty strings where it
 * sends them), read into wire records and mapped to the SPI's values (issue 18).
 */
class NeutralMapperTest {

    private final ObjectMapper json = BybitJson.mapper();

    @Test
    void aConditionalCloseOnTriggerOrderIsTheProtectiveStop() throws Exception {
        OrderWire o = json.readValue("""
                {"orderId":"fd4300ae-7847-404e-b947-b46980a4d140","orderLinkId":"gb_ab12cd34_SS_0_1","blockTradeId":"",
                 "symbol":"BTCUSDT","price":"0","qty":"0","side":"Sell","isLeverage":"","positionIdx":1,
                 "orderStatus":"Untriggered","cancelType":"UNKNOWN","rejectReason":"EC_NoError","avgPrice":"",
                 "leavesQty":"0","leavesValue":"0","cumExecQty":"0","cumExecValue":"0","cumExecFee":"0",
                 "timeInForce":"IOC","orderType":"Market","stopOrderType":"Stop","orderIv":"","triggerPrice":"58000.00",
                 "takeProfit":"","stopLoss":"","tpTriggerBy":"","slTriggerBy":"","triggerDirection":2,
                 "triggerBy":"LastPrice","lastPriceOnCreated":"64000.00","reduceOnly":true,"closeOnTrigger":true,
                 "createdTime":"1684738540559","updatedTime":"1684738540561"}""", OrderWire.class);
        OpenOrder open = NeutralMapper.openOrder(o);
        assertThat(open.type()).isEqualTo(OrderType.STOP_MARKET);
        assertThat(open.stopPrice()).isEqualByComparingTo("58000");
        assertThat(open.origQty()).isNull();
        assertThat(open.positionSide()).isEqualTo(PositionSide.LONG);
        assertThat(open.side()).isEqualTo(Side.SELL);
        assertThat(NeutralMapper.state(o).status()).isEqualTo(OrderStatus.NEW);
        assertThat(NeutralMapper.state(o).avgPrice()).isNull();
    }

    @Test
    void aPostOnlyCancelledAtEntryIsExpiredAndAnUnknownStatusIsNoGuess() {
        assertThat(NeutralMapper.status("Cancelled", "EC_PostOnlyWillTakeLiquidity")).isEqualTo(OrderStatus.EXPIRED);
        assertThat(NeutralMapper.status("Cancelled", "EC_PerCancelRequest")).isEqualTo(OrderStatus.CANCELED);
        assertThat(NeutralMapper.status("Deactivated", "EC_NoError")).isEqualTo(OrderStatus.CANCELED);
        assertThatThrownBy(() -> NeutralMapper.status("Exploded", "")).isInstanceOf(UnknownVenueValueException.class);
    }

    @Test
    void positionsAreSignedByTheirIndexAndSide() throws Exception {
        PositionWire oneWayShort = json.readValue("""
                {"positionIdx":0,"symbol":"BTCUSDT","side":"Sell","size":"0.015","avgPrice":"64210.5",
                 "unrealisedPnl":"-1.2","markPrice":"64290","updatedTime":"1697682317038"}""", PositionWire.class);
        PositionWire flatLeg = json.readValue("""
                {"positionIdx":2,"symbol":"BTCUSDT","side":"","size":"0","avgPrice":"0","unrealisedPnl":"",
                 "updatedTime":""}""", PositionWire.class);
        PositionSnapshot shortOne = NeutralMapper.position(oneWayShort, 5);
        assertThat(shortOne.netQty()).isEqualByComparingTo("-0.015");
        assertThat(shortOne.entryPrice()).isEqualByComparingTo("64210.5");
        assertThat(shortOne.positionSide()).isEqualTo(PositionSide.BOTH);
        PositionSnapshot flat = NeutralMapper.position(flatLeg, 5);
        assertThat(flat.netQty()).isZero();
        assertThat(flat.positionSide()).isEqualTo(PositionSide.SHORT);
        assertThat(flat.atMs()).isEqualTo(5);
    }

    @Test
    void anInstrumentIsRulesOnlyWhenItIsAUsdtPerpetual() throws Exception {
        String btc = """
                {"symbol":"BTCUSDT","contractType":"LinearPerpetual","status":"Trading","baseCoin":"BTC",
                 "quoteCoin":"USDT","settleCoin":"USDT","priceFilter":{"minPrice":"0.10","maxPrice":"1999999.80",
                 "tickSize":"0.10"},"lotSizeFilter":{"maxOrderQty":"1190.000","minOrderQty":"0.001","qtyStep":"0.001",
                 "postOnlyMaxOrderQty":"1190.000","maxMktOrderQty":"500.000","minNotionalValue":"5"}}""";
        BybitSymbolRules rules = NeutralMapper.rules(json.readValue(btc, InstrumentWire.class));
        assertThat(rules.core().tickSize()).isEqualByComparingTo("0.1");
        assertThat(rules.core().stepSize()).isEqualByComparingTo("0.001");
        assertThat(rules.core().minNotional()).isEqualByComparingTo("5");
        assertThat(rules.maxMktOrderQty()).isEqualByComparingTo("500");
        InstrumentWire future = json.readValue(btc.replace("LinearPerpetual", "LinearFutures"), InstrumentWire.class);
        assertThatThrownBy(() -> NeutralMapper.rules(future)).hasMessageContaining("is not a USDT perpetual");
    }
}
