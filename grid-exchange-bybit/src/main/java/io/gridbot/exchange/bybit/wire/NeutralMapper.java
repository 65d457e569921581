package io.gridbot.exchange.bybit.wire;

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
import io.gridbot.exchange.wire.UnknownVenueValueException;
import java.math.BigDecimal;

/**
 * The one place Bybit's wire records become the SPI's neutral values. Linear contracts count in the base coin, so
 * quantities pass as they are. A status, side, order type or position index the adapter does not know throws
 * {@link UnknownVenueValueException}, since a guess would misstate an order; the caller has the grid resynchronise.
 */
public final class NeutralMapper {

    /** Bybit's reject reason of a post-only order that would have taken liquidity (it is cancelled at entry). */
    public static final String POST_ONLY_WOULD_TAKE = "EC_PostOnlyWillTakeLiquidity";
    /** Bybit's cap on active orders per symbol. */
    public static final int MAX_ACTIVE_ORDERS = 500;
    /** The coin linear USDT contracts settle in, and charge fees in. */
    public static final String SETTLE_COIN = "USDT";

    private NeutralMapper() {
    }

    // ------------------------------------------------------------------ venue enums

    /**
     * An order's status. A conditional order waits as {@code Untriggered} and passes {@code Triggered} on its way to
     * the book: both read NEW. A post-only order that would have taken is cancelled by Bybit at entry: it reads as
     * EXPIRED, as Binance reports refused post-only orders, not as a cancel the grid asked for.
     */
    public static OrderStatus status(String orderStatus, String rejectReason) {
        return switch (orderStatus == null ? "" : orderStatus) {
            case "New", "Untriggered", "Triggered" -> OrderStatus.NEW;
            case "PartiallyFilled" -> OrderStatus.PARTIALLY_FILLED;
            case "Filled" -> OrderStatus.FILLED;
            case "Cancelled", "PartiallyFilledCanceled", "Deactivated" -> POST_ONLY_WOULD_TAKE.equals(rejectReason)
                    ? OrderStatus.EXPIRED : OrderStatus.CANCELED;
            case "Rejected" -> OrderStatus.REJECTED;
            default -> throw new UnknownVenueValueException("orderStatus", orderStatus);
        };
    }

    public static Side side(String venue) {
        return switch (venue == null ? "" : venue) {
            case "Buy" -> Side.BUY;
            case "Sell" -> Side.SELL;
            default -> throw new UnknownVenueValueException("side", venue);
        };
    }

    /** The side as Bybit spells it in a request. */
    public static String side(Side side) {
        return side == Side.BUY ? "Buy" : "Sell";
    }

    /** A position index: 0 one-way ({@code BOTH}), 1 the buy side ({@code LONG}), 2 the sell side ({@code SHORT}). */
    public static PositionSide positionSide(Integer positionIdx) {
        return switch (positionIdx == null ? 0 : positionIdx) {
            case 0 -> PositionSide.BOTH;
            case 1 -> PositionSide.LONG;
            case 2 -> PositionSide.SHORT;
            default -> throw new UnknownVenueValueException("positionIdx", String.valueOf(positionIdx));
        };
    }

    /** The position index of a leg, as a request names it. */
    public static int positionIdx(PositionSide side) {
        return switch (side) {
            case BOTH -> 0;
            case LONG -> 1;
            case SHORT -> 2;
        };
    }

    /** An order's type: a conditional market order ({@code stopOrderType} set) is the core's stop. */
    public static OrderType type(String orderType, String stopOrderType) {
        boolean conditional = stopOrderType != null && !stopOrderType.isEmpty() && !stopOrderType.equals("UNKNOWN");
        return switch (orderType == null ? "" : orderType) {
            case "Limit" -> OrderType.LIMIT;
            case "Market" -> conditional ? OrderType.STOP_MARKET : OrderType.MARKET;
            default -> throw new UnknownVenueValueException("orderType", orderType);
        };
    }

    // ------------------------------------------------------------------ orders

    public static OrderAck ack(CreatedWire c) {
        // Bybit acknowledges the request only; fills and the status come from the order itself.
        return new OrderAck(c.orderLinkId(), c.orderId(), OrderStatus.NEW, BigDecimal.ZERO);
    }

    public static OrderState state(OrderWire o) {
        OrderType type = type(o.orderType(), o.stopOrderType());
        return new OrderState(o.orderLinkId(), o.orderId(), side(o.side()), status(o.orderStatus(), o.rejectReason()),
                type == OrderType.LIMIT ? o.price() : null, quantity(o), zeroIfNull(o.cumExecQty()),
                positive(o.avgPrice()), o.updatedTime());
    }

    public static OpenOrder openOrder(OrderWire o) {
        OrderType type = type(o.orderType(), o.stopOrderType());
        return new OpenOrder(o.orderLinkId(), o.orderId(), side(o.side()), type, type == OrderType.LIMIT ? o.price() : null,
                quantity(o), zeroIfNull(o.cumExecQty()), Boolean.TRUE.equals(o.reduceOnly()),
                type == OrderType.STOP_MARKET ? o.triggerPrice() : null, positionSide(o.positionIdx()));
    }

    /** A stop that closes the whole position ({@code qty} 0, close on trigger) has no quantity of its own. */
    public static BigDecimal quantity(OrderWire o) {
        return o.qty() == null || o.qty().signum() == 0 ? null : o.qty();
    }

    // ------------------------------------------------------------------ account

    /**
     * A position leg; {@code fallbackMs} stamps it when Bybit gave no update time. Sizes are positive on the wire:
     * a one-way position of side {@code Sell}, and the hedge sell side, are negative here, as the SPI signs them.
     */
    public static PositionSnapshot position(PositionWire p, long fallbackMs) {
        PositionSide leg = positionSide(p.positionIdx());
        BigDecimal size = zeroIfNull(p.size()).abs();
        boolean shortSide = leg == PositionSide.SHORT || leg == PositionSide.BOTH && "Sell".equals(p.side());
        BigDecimal entry = p.avgPrice() != null ? p.avgPrice() : zeroIfNull(p.entryPrice());
        return new PositionSnapshot(p.symbol(), shortSide ? size.negate() : size, size.signum() == 0 ? BigDecimal.ZERO : entry,
                zeroIfNull(p.unrealisedPnl()), p.updatedTime() > 0 ? p.updatedTime() : fallbackMs, leg);
    }

    /** A coin's balance: the wallet balance, and as available what no position or order margin holds. */
    public static Balance balance(WalletWire.Coin c) {
        BigDecimal wallet = zeroIfNull(c.walletBalance());
        BigDecimal held = zeroIfNull(c.totalPositionIM()).add(zeroIfNull(c.totalOrderIM())).add(zeroIfNull(c.locked()));
        return new Balance(c.coin(), wallet, wallet.subtract(held).max(BigDecimal.ZERO));
    }

    /** An execution; Bybit signs a charged fee positive (a maker rebate negative), as the SPI does. */
    public static TradeRecord trade(ExecutionWire e) {
        String feeAsset = e.feeCurrency() == null || e.feeCurrency().isEmpty() ? SETTLE_COIN : e.feeCurrency();
        return new TradeRecord(e.orderLinkId(), e.orderId(), e.execId(), side(e.side()), e.execPrice(), e.execQty(),
                zeroIfNull(e.execFee()), feeAsset, e.execTime());
    }

    // ------------------------------------------------------------------ instruments

    /**
     * A contract's rules. Only USDT-settled linear perpetuals are supported.
     *
     * @throws IllegalArgumentException naming the symbol and what it is when it is not one
     */
    public static BybitSymbolRules rules(InstrumentWire i) {
        if (!"LinearPerpetual".equals(i.contractType()) || !SETTLE_COIN.equals(i.settleCoin())) {
            throw new IllegalArgumentException(i.symbol() + " is not a USDT perpetual (contract type " + i.contractType()
                    + ", settled in " + i.settleCoin() + "); only those are supported");
        }
        InstrumentWire.PriceFilter price = i.priceFilter();
        InstrumentWire.LotSizeFilter lot = i.lotSizeFilter();
        if (price == null || price.tickSize() == null || price.tickSize().signum() <= 0) {
            throw new IllegalArgumentException(i.symbol() + ": the tick size (priceFilter.tickSize) must be positive");
        }
        if (lot == null || lot.qtyStep() == null || lot.qtyStep().signum() <= 0) {
            throw new IllegalArgumentException(i.symbol() + ": the quantity step (lotSizeFilter.qtyStep) must be positive");
        }
        SymbolRules core = new SymbolRules(i.symbol(), price.tickSize(), lot.qtyStep(), zeroIfNull(lot.minOrderQty()),
                zeroIfNull(lot.minNotionalValue()), MAX_ACTIVE_ORDERS);
        return new BybitSymbolRules(core, i.status(), lot.maxOrderQty(), lot.maxMktOrderQty());
    }

    private static BigDecimal positive(BigDecimal value) {
        return value == null || value.signum() == 0 ? null : value;
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
