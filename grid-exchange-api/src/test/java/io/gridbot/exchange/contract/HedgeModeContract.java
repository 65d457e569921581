package io.gridbot.exchange.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.order.TimeInForce;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.account.PositionSnapshot;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract's hedge-mode half: the account's position mode is read and changed under the venue's rules (not
 * to the mode it is in, not with a position or an open order), and in hedge mode each leg opens and closes on its
 * own, never netting with the other; an order without a leg, a reduce-only flag, and a close of more than a leg
 * holds are refused as Binance refuses them; positions are listed per leg, flat ones too. Every venue runs it
 * through {@link ExchangeAdapterContract}; the venue starts in one-way mode, so each test switches first.
 */
public abstract class HedgeModeContract extends ContractKit {

    protected OrderRequest leg(String id, Side side, PositionSide leg, BigDecimal price, BigDecimal qty) {
        return OrderRequest.limit(id, rules.symbol(), side, price, qty, TimeInForce.GTC, false, leg);
    }

    /** Rests an order on a leg and trades through it until it fills. */
    protected void fill(Side side, PositionSide leg, BigDecimal qty) throws ExchangeException {
        BigDecimal price = ticksAway(side == Side.BUY ? -10 : +10);
        String id = newId();
        adapter.createOrder(leg(id, side, leg, price, qty));
        venue.trade(price, qty);
        within(id + " FILLED", () -> streamed(id, OrderStatus.FILLED));
    }

    protected PositionSnapshot legOf(PositionSide side) throws ExchangeException {
        return adapter.positions(rules.symbol()).stream().filter(p -> p.positionSide() == side).findFirst().orElseThrow();
    }

    @Test
    void anAccountStartsInOneWayModeAndChangesOnlyToTheOtherMode() throws Exception {
        assertThat(adapter.positionMode()).isEqualTo(PositionMode.ONE_WAY);
        assertThat(kindOf(() -> adapter.changePositionMode(PositionMode.ONE_WAY))).isEqualTo(ExchangeErrorKind.OTHER);

        adapter.changePositionMode(PositionMode.HEDGE);
        assertThat(adapter.positionMode()).isEqualTo(PositionMode.HEDGE);
        assertThat(kindOf(() -> adapter.changePositionMode(PositionMode.HEDGE))).isEqualTo(ExchangeErrorKind.OTHER);

        adapter.changePositionMode(PositionMode.ONE_WAY);
        assertThat(adapter.positionMode()).isEqualTo(PositionMode.ONE_WAY);
    }

    @Test
    void theModeDoesNotChangeWhileAnOrderIsOpenOrAPositionIsHeld() throws Exception {
        BigDecimal price = ticksAway(-50);
        String resting = newId();
        adapter.createOrder(limit(resting, Side.BUY, price, qty(price, 1), TimeInForce.GTC, false));
        assertThat(kindOf(() -> adapter.changePositionMode(PositionMode.HEDGE))).isEqualTo(ExchangeErrorKind.OTHER);
        adapter.cancelOrder(rules.symbol(), resting);

        fill(Side.BUY, PositionSide.BOTH, qty(ticksAway(-10), 1));
        assertThat(kindOf(() -> adapter.changePositionMode(PositionMode.HEDGE))).isEqualTo(ExchangeErrorKind.OTHER);
        assertThat(adapter.positionMode()).isEqualTo(PositionMode.ONE_WAY);
    }

    @Test
    void inOneWayModeAnOrderOnALegIsRefused() {
        BigDecimal price = ticksAway(-30);
        assertThat(kindOf(() -> adapter.createOrder(leg(newId(), Side.BUY, PositionSide.LONG, price, qty(price, 1)))))
                .isEqualTo(ExchangeErrorKind.OTHER);
    }

    @Test
    void inHedgeModeAnOrderWithoutALegOrWithReduceOnlyIsRefused() throws Exception {
        adapter.changePositionMode(PositionMode.HEDGE);
        BigDecimal price = ticksAway(-30);
        assertThat(kindOf(() -> adapter.createOrder(leg(newId(), Side.BUY, PositionSide.BOTH, price, qty(price, 1)))))
                .isEqualTo(ExchangeErrorKind.OTHER);
        assertThat(kindOf(() -> adapter.createOrder(OrderRequest.limit(newId(), rules.symbol(), Side.BUY, price,
                qty(price, 1), TimeInForce.GTC, true, PositionSide.LONG)))).isEqualTo(ExchangeErrorKind.OTHER);
        assertThat(openIds()).isEmpty();
    }

    @Test
    void inHedgeModeEachLegOpensAndClosesOnItsOwnAndTheyNeverNet() throws Exception {
        adapter.changePositionMode(PositionMode.HEDGE);
        BigDecimal qty = qty(ticksAway(+10), 2);

        fill(Side.BUY, PositionSide.LONG, qty);
        fill(Side.SELL, PositionSide.SHORT, qty);
        assertThat(legOf(PositionSide.LONG).netQty()).isEqualByComparingTo(qty);
        assertThat(legOf(PositionSide.SHORT).netQty()).isEqualByComparingTo(qty.negate());
        assertThat(legOf(PositionSide.LONG).entryPrice()).isPositive();
        assertThat(legOf(PositionSide.SHORT).entryPrice()).isPositive();

        BigDecimal half = qty.divide(BigDecimal.valueOf(2));
        fill(Side.SELL, PositionSide.LONG, half); // closes half the long, leaves the short alone
        assertThat(legOf(PositionSide.LONG).netQty()).isEqualByComparingTo(half);
        assertThat(legOf(PositionSide.SHORT).netQty()).isEqualByComparingTo(qty.negate());

        fill(Side.BUY, PositionSide.SHORT, qty);
        assertThat(legOf(PositionSide.SHORT).netQty()).isZero();
        assertThat(legOf(PositionSide.LONG).netQty()).isEqualByComparingTo(half);
    }

    @Test
    void inHedgeModeAClosingOrderMayNotExceedItsLeg() throws Exception {
        adapter.changePositionMode(PositionMode.HEDGE);
        BigDecimal price = ticksAway(+30);
        BigDecimal qty = qty(price, 1);
        assertThat(kindOf(() -> adapter.createOrder(leg(newId(), Side.SELL, PositionSide.LONG, price, qty))))
                .isEqualTo(ExchangeErrorKind.REDUCE_ONLY_REJECTED);

        fill(Side.BUY, PositionSide.LONG, qty);
        BigDecimal above = ticksAway(+30);
        assertThat(kindOf(() -> adapter.createOrder(leg(newId(), Side.SELL, PositionSide.LONG, above,
                qty.multiply(BigDecimal.valueOf(2)))))).isEqualTo(ExchangeErrorKind.REDUCE_ONLY_REJECTED);
        // the short leg holds nothing, whatever the long holds
        assertThat(kindOf(() -> adapter.createOrder(leg(newId(), Side.BUY, PositionSide.SHORT, ticksAway(-30), qty))))
                .isEqualTo(ExchangeErrorKind.REDUCE_ONLY_REJECTED);
    }

    @Test
    void positionsAreListedPerLegFlatOnesToo() throws Exception {
        List<PositionSnapshot> oneWay = adapter.positions(rules.symbol());
        assertThat(oneWay).extracting(PositionSnapshot::positionSide).containsExactly(PositionSide.BOTH);

        adapter.changePositionMode(PositionMode.HEDGE);
        List<PositionSnapshot> legs = adapter.positions(rules.symbol());
        assertThat(legs).extracting(PositionSnapshot::positionSide).containsExactly(PositionSide.LONG, PositionSide.SHORT);
        assertThat(legs).allSatisfy(p -> assertThat(p.netQty()).isZero());
    }

    /** Reconciliation matches a hedge-mode order's leg with its line's: the venue must tell it. */
    @Test
    void inHedgeModeOpenOrdersComeBackWithTheirLeg() throws Exception {
        adapter.changePositionMode(PositionMode.HEDGE);
        String buy = newId();
        String sell = newId();
        adapter.createOrder(leg(buy, Side.BUY, PositionSide.LONG, ticksAway(-20), qty(ticksAway(-20), 1)));
        adapter.createOrder(leg(sell, Side.SELL, PositionSide.SHORT, ticksAway(+20), qty(ticksAway(+20), 1)));

        assertThat(adapter.openOrders(rules.symbol())).filteredOn(o -> o.clientOrderId().equals(buy)).singleElement()
                .satisfies(o -> assertThat(o.positionSide()).isEqualTo(PositionSide.LONG));
        assertThat(adapter.openOrders(rules.symbol())).filteredOn(o -> o.clientOrderId().equals(sell)).singleElement()
                .satisfies(o -> assertThat(o.positionSide()).isEqualTo(PositionSide.SHORT));
    }

    @Test
    void inHedgeModeAProtectiveStopClosesItsOwnLeg() throws Exception {
        if (!adapter.capabilities().protectiveStops()) {
            return;
        }
        adapter.changePositionMode(PositionMode.HEDGE);
        BigDecimal qty = qty(ticksAway(+10), 1);
        fill(Side.BUY, PositionSide.LONG, qty);
        fill(Side.SELL, PositionSide.SHORT, qty);
        String stop = newId();
        BigDecimal trigger = ticksAway(-100);
        adapter.placeProtectiveStop(OrderRequest.protectiveStop(stop, rules.symbol(), Side.SELL, trigger, PositionSide.LONG,
                StopTrigger.LAST));

        venue.trade(trigger.subtract(rules.tickSize()), null);

        within("the stop FILLED", () -> streamed(stop, OrderStatus.FILLED));
        assertThat(legOf(PositionSide.LONG).netQty()).isZero();
        assertThat(legOf(PositionSide.SHORT).netQty()).isEqualByComparingTo(qty.negate());
        assertThat(orders).filteredOn(e -> e.clientOrderId().equals(stop)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.positionSide()).isEqualTo(PositionSide.LONG));
    }

    /** The order stream names each update's leg, as the venue's own (Binance's {@code ps}). */
    @Test
    void inHedgeModeOrderUpdatesNameTheirLeg() throws Exception {
        adapter.changePositionMode(PositionMode.HEDGE);
        BigDecimal qty = qty(ticksAway(+10), 1);
        fill(Side.BUY, PositionSide.LONG, qty);
        fill(Side.SELL, PositionSide.SHORT, qty);

        assertThat(orders).extracting(e -> e.side() + " " + e.positionSide()).contains("BUY LONG", "SELL SHORT")
                .doesNotContain("BUY BOTH", "SELL BOTH", "BUY SHORT", "SELL LONG");
    }
}
