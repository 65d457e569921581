package io.gridbot.exchange.binance.wire;

import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.OpenOrder;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.PositionSide;
import io.gridbot.core.order.Side;
import io.gridbot.exchange.OrderAck;
import io.gridbot.exchange.OrderState;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.account.Balance;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.stream.AccountEvent;
import io.gridbot.exchange.stream.DepthEvent;
import io.gridbot.exchange.stream.OrderEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import io.gridbot.exchange.wire.UnknownVenueValueException;

/**
 * The one place Binance's wire records become the SPI's neutral values: REST answers (orders, conditional
 * orders, positions, balances, trades, symbol filters) and user-data events. A status or side the adapter does
 * not know throws {@link UnknownVenueValueException}, since a guess would misstate an order; the caller has the
 * grid resynchronise. Order types map conservatively: every conditional type is a stop.
 */
public final class NeutralMapper {

    private NeutralMapper() {
    }

    // ------------------------------------------------------------------ venue enums

    /** An order status of {@code /fapi/v1/order} and ORDER_TRADE_UPDATE. */
    public static OrderStatus status(String venue) {
        return switch (venue == null ? "" : venue) {
            case "NEW" -> OrderStatus.NEW;
            case "PARTIALLY_FILLED" -> OrderStatus.PARTIALLY_FILLED;
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELED" -> OrderStatus.CANCELED;
            case "REJECTED" -> OrderStatus.REJECTED;
            // EXPIRED_IN_MATCH: expired by self-trade prevention
            case "EXPIRED", "EXPIRED_IN_MATCH" -> OrderStatus.EXPIRED;
            default -> throw new UnknownVenueValueException("status", venue);
        };
    }

    public static OrderType type(String venue) {
        return switch (venue == null ? "" : venue) {
            case "LIMIT" -> OrderType.LIMIT;
            case "MARKET", "LIQUIDATION" -> OrderType.MARKET;
            default -> OrderType.STOP_MARKET; // STOP, STOP_MARKET, TAKE_PROFIT*, TRAILING_STOP_MARKET
        };
    }

    public static Side side(String venue) {
        return switch (venue == null ? "" : venue) {
            case "BUY" -> Side.BUY;
            case "SELL" -> Side.SELL;
            default -> throw new UnknownVenueValueException("side", venue);
        };
    }

    /** A position side ({@code positionSide}, {@code ps}): BOTH when absent, as one-way answers may leave it out. */
    public static PositionSide positionSide(String venue) {
        return switch (venue == null ? "" : venue) {
            case "", "BOTH" -> PositionSide.BOTH;
            case "LONG" -> PositionSide.LONG;
            case "SHORT" -> PositionSide.SHORT;
            default -> throw new UnknownVenueValueException("positionSide", venue);
        };
    }

    // ------------------------------------------------------------------ orders

    public static OrderAck ack(OrderWire o) {
        return new OrderAck(o.clientOrderId(), Long.toString(o.orderId()), status(o.status()), zeroIfNull(o.executedQty()));
    }

    public static OrderState state(OrderWire o) {
        BigDecimal avg = o.avgPrice() == null || o.avgPrice().signum() == 0 ? null : o.avgPrice();
        BigDecimal limit = "LIMIT".equals(o.type()) ? o.price() : null;
        return new OrderState(o.clientOrderId(), Long.toString(o.orderId()), side(o.side()), status(o.status()),
                limit, o.origQty(), zeroIfNull(o.executedQty()), avg, o.updateTime());
    }

    public static OpenOrder openOrder(OrderWire o) {
        boolean limitOrder = "LIMIT".equals(o.type());
        return new OpenOrder(o.clientOrderId(), Long.toString(o.orderId()), side(o.side()), type(o.type()),
                limitOrder ? o.price() : null, Boolean.TRUE.equals(o.closePosition()) ? null : o.origQty(),
                zeroIfNull(o.executedQty()), Boolean.TRUE.equals(o.reduceOnly()),
                limitOrder || o.stopPrice() == null || o.stopPrice().signum() == 0 ? null : o.stopPrice(),
                positionSide(o.positionSide()));
    }

    // ------------------------------------------------------------------ conditional (algo) orders

    public static OrderAck ack(AlgoOrderWire a) {
        return new OrderAck(a.clientAlgoId(), Long.toString(a.algoId()), OrderStatus.NEW, BigDecimal.ZERO);
    }

    /**
     * A stop as an order state: NEW while it waits or triggers, FILLED once FINISHED (the order it became has
     * executed), CANCELED, or EXPIRED (also when REJECTED).
     */
    public static OrderState state(AlgoOrderWire a) {
        OrderStatus status = switch (a.algoStatus() == null ? "" : a.algoStatus()) {
            case "NEW", "TRIGGERING", "TRIGGERED" -> OrderStatus.NEW;
            case "FINISHED" -> OrderStatus.FILLED;
            case "CANCELED" -> OrderStatus.CANCELED;
            case "EXPIRED", "REJECTED" -> OrderStatus.EXPIRED;
            default -> throw new UnknownVenueValueException("status", a.algoStatus());
        };
        return new OrderState(a.clientAlgoId(), Long.toString(a.algoId()), side(a.side()), status, null,
                Boolean.TRUE.equals(a.closePosition()) ? null : a.quantity(), BigDecimal.ZERO, null, a.updateTime());
    }

    public static OpenOrder openOrder(AlgoOrderWire a) {
        boolean closes = Boolean.TRUE.equals(a.closePosition());
        return new OpenOrder(a.clientAlgoId(), Long.toString(a.algoId()), side(a.side()), OrderType.STOP_MARKET, null,
                closes || a.quantity() == null || a.quantity().signum() == 0 ? null : a.quantity(), BigDecimal.ZERO,
                Boolean.TRUE.equals(a.reduceOnly()), a.triggerPrice(), positionSide(a.positionSide()));
    }

    // ------------------------------------------------------------------ account

    /** A position leg; {@code fallbackMs} stamps it when the venue gave no update time. */
    public static PositionSnapshot position(PositionRiskWire p, long fallbackMs) {
        return new PositionSnapshot(p.symbol(), zeroIfNull(p.positionAmt()), zeroIfNull(p.entryPrice()),
                zeroIfNull(p.unRealizedProfit()), p.updateTime() > 0 ? p.updateTime() : fallbackMs,
                positionSide(p.positionSide()));
    }

    public static Balance balance(BalanceWire b) {
        return new Balance(b.asset(), zeroIfNull(b.balance()), zeroIfNull(b.availableBalance()));
    }

    /** A trade; Binance names its order id only, so the caller supplies the client id. */
    public static TradeRecord trade(UserTradeWire t, String clientOrderId) {
        return new TradeRecord(clientOrderId, Long.toString(t.orderId()), Long.toString(t.id()), side(t.side()), t.price(),
                t.qty(), zeroIfNull(t.commission()), t.commissionAsset(), t.time());
    }

    // ------------------------------------------------------------------ symbol filters

    /** A symbol's filters as the core's rules plus the bounds the core does not model. */
    public static BinanceSymbolRules rules(ExchangeInfo.SymbolEntry s) {
        ExchangeInfo.Filter price = s.filter("PRICE_FILTER").orElse(null);
        ExchangeInfo.Filter lot = s.filter("LOT_SIZE").orElse(null);
        ExchangeInfo.Filter marketLot = s.filter("MARKET_LOT_SIZE").orElse(lot);
        BigDecimal notional = s.filter("MIN_NOTIONAL").map(ExchangeInfo.Filter::notional).orElse(BigDecimal.ZERO);
        int maxOrders = s.filter("MAX_NUM_ORDERS").map(ExchangeInfo.Filter::limit).orElse(SymbolRules.DEFAULT_MAX_OPEN_ORDERS);
        SymbolRules core = new SymbolRules(s.symbol(), price == null ? BigDecimal.ZERO : price.tickSize(),
                lot == null ? BigDecimal.ZERO : lot.stepSize(), lot == null ? BigDecimal.ZERO : lot.minQty(),
                notional == null ? BigDecimal.ZERO : notional, maxOrders);
        return new BinanceSymbolRules(core, s.status(),
                price == null ? null : price.minPrice(), price == null ? null : price.maxPrice(),
                lot == null ? null : lot.maxQty(),
                marketLot == null ? null : marketLot.minQty(), marketLot == null ? null : marketLot.maxQty(),
                marketLot == null ? null : marketLot.stepSize());
    }

    // ------------------------------------------------------------------ stream events

    public static OrderEvent event(UserDataMessage.OrderTradeUpdate u) {
        UserDataMessage.OrderUpdate o = u.order();
        boolean traded = o.lastQty() != null && o.lastQty().signum() > 0;
        return new OrderEvent(o.symbol(), o.clientOrderId(), Long.toString(o.orderId()), side(o.side()),
                type(o.originalType() != null ? o.originalType() : o.type()), status(o.status()),
                "LIMIT".equals(o.type()) ? o.price() : null, o.qty(), zeroIfNull(o.cumQty()),
                traded ? o.lastQty() : BigDecimal.ZERO, traded ? o.lastPrice() : null,
                traded ? zeroIfNull(o.commission()) : BigDecimal.ZERO, traded ? o.commissionAsset() : null,
                traded && o.tradeId() > 0 ? Long.toString(o.tradeId()) : null, o.reduceOnly(), u.eventTime(),
                positionSide(o.positionSide()));
    }

    /**
     * The order event of a conditional order's own life (placed, cancelled, expired). A triggered stop's fill
     * arrives as the ORDER_TRADE_UPDATE of the order it became, so TRIGGERING / TRIGGERED / FINISHED give nothing.
     */
    public static Optional<OrderEvent> event(UserDataMessage.AlgoUpdate u) {
        UserDataMessage.AlgoOrder order = u.order();
        OrderStatus status = switch (order.status() == null ? "" : order.status()) {
            case "NEW" -> OrderStatus.NEW;
            case "CANCELED" -> OrderStatus.CANCELED;
            case "EXPIRED", "REJECTED" -> OrderStatus.EXPIRED;
            case "TRIGGERING", "TRIGGERED", "FINISHED" -> null;
            default -> throw new UnknownVenueValueException("status", order.status());
        };
        if (status == null) {
            return Optional.empty();
        }
        return Optional.of(new OrderEvent(order.symbol(), order.clientAlgoId(), Long.toString(order.algoId()),
                side(order.side()), OrderType.STOP_MARKET, status, null,
                order.closePosition() ? null : order.qty(), BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.ZERO, null,
                null, order.reduceOnly(), u.eventTime(), positionSide(order.positionSide())));
    }

    public static AccountEvent event(UserDataMessage.AccountUpdate u) {
        UserDataMessage.Account account = u.account();
        List<Balance> balances = account.balances() == null ? List.of()
                : account.balances().stream().map(b -> new Balance(b.asset(), b.wallet(), b.crossWallet())).toList();
        List<PositionSnapshot> positions = account.positions() == null ? List.of()
                : account.positions().stream().map(p -> new PositionSnapshot(p.symbol(), zeroIfNull(p.amount()),
                        zeroIfNull(p.entryPrice()), zeroIfNull(p.unrealized()), u.eventTime(),
                        positionSide(p.positionSide()))).toList();
        return new AccountEvent(account.reason(), balances, positions, u.eventTime());
    }

    /** Book levels of a depth update; rows of zero quantity (removed levels) are left out. */
    public static List<DepthEvent.Level> levels(List<List<BigDecimal>> rows) {
        if (rows == null) {
            return List.of();
        }
        return rows.stream().filter(r -> r.size() >= 2 && r.get(1).signum() > 0)
                .map(r -> new DepthEvent.Level(r.get(0), r.get(1))).toList();
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
