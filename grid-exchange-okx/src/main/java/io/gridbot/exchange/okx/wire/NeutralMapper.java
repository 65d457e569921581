package io.gridbot.exchange.okx.wire;

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
import java.math.BigDecimal;
import io.gridbot.exchange.wire.UnknownVenueValueException;

/**
 * The one place OKX's wire records become the SPI's neutral values, and every contract quantity becomes a
 * base-asset quantity ({@link ContractSize}). A state, side, order type or position side the adapter does not
 * know throws {@link UnknownVenueValueException}, since a guess would misstate an order; the caller has the grid
 * resynchronise.
 */
public final class NeutralMapper {

    /** OKX's cancel source of a post-only order that would have taken liquidity. */
    public static final String POST_ONLY_WOULD_TAKE = "31";

    private NeutralMapper() {
    }

    // ------------------------------------------------------------------ venue enums

    /**
     * An order's state. A post-only order that would have taken is cancelled by OKX at entry (cancel source 31):
     * it reads as EXPIRED, as Binance reports its refused post-only orders, not as a cancel the grid asked for.
     */
    public static OrderStatus status(String state, String cancelSource) {
        return switch (state == null ? "" : state) {
            case "live" -> OrderStatus.NEW;
            case "partially_filled" -> OrderStatus.PARTIALLY_FILLED;
            case "filled" -> OrderStatus.FILLED;
            case "canceled", "mmp_canceled" -> POST_ONLY_WOULD_TAKE.equals(cancelSource) ? OrderStatus.EXPIRED
                    : OrderStatus.CANCELED;
            default -> throw new UnknownVenueValueException("state", state);
        };
    }

    public static Side side(String venue) {
        return switch (venue == null ? "" : venue) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> throw new UnknownVenueValueException("side", venue);
        };
    }

    /** A position side: {@code net} (or absent) in net mode, {@code long} or {@code short} in long/short mode. */
    public static PositionSide positionSide(String venue) {
        return switch (venue == null ? "" : venue) {
            case "", "net" -> PositionSide.BOTH;
            case "long" -> PositionSide.LONG;
            case "short" -> PositionSide.SHORT;
            default -> throw new UnknownVenueValueException("posSide", venue);
        };
    }

    /** The position side as OKX spells it in a request. */
    public static String posSide(PositionSide side) {
        return switch (side) {
            case BOTH -> "net";
            case LONG -> "long";
            case SHORT -> "short";
        };
    }

    /** A regular order's type; every priced type is a limit order to the core. */
    public static OrderType type(String ordType) {
        return switch (ordType == null ? "" : ordType) {
            case "limit", "post_only", "fok", "ioc" -> OrderType.LIMIT;
            case "market", "optimal_limit_ioc" -> OrderType.MARKET;
            default -> throw new UnknownVenueValueException("ordType", ordType);
        };
    }

    // ------------------------------------------------------------------ orders

    public static OrderAck ack(OrderResultWire r) {
        // OKX acknowledges the request only; fills and the state come from the order itself.
        return new OrderAck(r.clOrdId(), r.ordId(), OrderStatus.NEW, BigDecimal.ZERO);
    }

    public static OrderState state(OrderWire o, ContractSize size) {
        boolean limit = type(o.ordType()) == OrderType.LIMIT;
        return new OrderState(o.clOrdId(), o.ordId(), side(o.side()), status(o.state(), o.cancelSource()),
                limit ? o.px() : null, base(size, o.sz()), base(size, o.accFillSz()), positive(o.avgPx()), o.uTime());
    }

    public static OpenOrder openOrder(OrderWire o, ContractSize size) {
        OrderType type = type(o.ordType());
        return new OpenOrder(o.clOrdId(), o.ordId(), side(o.side()), type, type == OrderType.LIMIT ? o.px() : null,
                base(size, o.sz()), base(size, o.accFillSz()), Boolean.TRUE.equals(o.reduceOnly()), null,
                positionSide(o.posSide()));
    }

    // ------------------------------------------------------------------ conditional (algo) orders

    public static OrderAck ack(AlgoResultWire r) {
        return new OrderAck(r.algoClOrdId(), r.algoId(), OrderStatus.NEW, BigDecimal.ZERO);
    }

    /**
     * A stop as an order state: NEW while it waits ({@code live}, {@code pause}, {@code partially_effective}),
     * FILLED once {@code effective} (its market order went out), CANCELED, or EXPIRED when its order failed.
     */
    public static OrderState state(AlgoOrderWire a, ContractSize size) {
        OrderStatus status = switch (a.state() == null ? "" : a.state()) {
            case "live", "pause", "partially_effective" -> OrderStatus.NEW;
            case "effective" -> OrderStatus.FILLED;
            case "canceled" -> OrderStatus.CANCELED;
            case "order_failed", "partially_failed" -> OrderStatus.EXPIRED;
            default -> throw new UnknownVenueValueException("state", a.state());
        };
        return new OrderState(a.algoClOrdId(), a.algoId(), side(a.side()), status, null, stopQuantity(a, size),
                BigDecimal.ZERO, null, a.uTime());
    }

    public static OpenOrder openOrder(AlgoOrderWire a, ContractSize size) {
        return new OpenOrder(a.algoClOrdId(), a.algoId(), side(a.side()), OrderType.STOP_MARKET, null,
                stopQuantity(a, size), BigDecimal.ZERO, Boolean.TRUE.equals(a.reduceOnly()), a.slTriggerPx(),
                positionSide(a.posSide()));
    }

    /** A stop that closes the whole position ({@code closeFraction} 1) has no quantity of its own. */
    private static BigDecimal stopQuantity(AlgoOrderWire a, ContractSize size) {
        boolean closes = a.closeFraction() != null && a.closeFraction().signum() > 0;
        return closes || a.sz() == null || a.sz().signum() == 0 ? null : size.baseQuantity(a.sz());
    }

    // ------------------------------------------------------------------ account

    /**
     * A position leg in base-asset terms; {@code fallbackMs} stamps it when OKX gave no update time. A short
     * leg's size is positive on the wire in long/short mode and negative here, as the SPI signs it.
     */
    public static PositionSnapshot position(PositionWire p, ContractSize size, long fallbackMs) {
        PositionSide side = positionSide(p.posSide());
        BigDecimal qty = base(size, p.pos());
        BigDecimal signed = side == PositionSide.SHORT ? qty.abs().negate() : side == PositionSide.LONG ? qty.abs() : qty;
        return new PositionSnapshot(p.instId(), signed, zeroIfNull(p.avgPx()), zeroIfNull(p.upl()),
                p.uTime() > 0 ? p.uTime() : fallbackMs, side);
    }

    /** An asset's balance: the cash balance as the wallet, the available equity (else balance) as available. */
    public static Balance balance(BalanceWire.Detail d) {
        BigDecimal available = d.availEq() != null ? d.availEq() : d.availBal();
        return new Balance(d.ccy(), zeroIfNull(d.cashBal()), zeroIfNull(available));
    }

    /** An execution; OKX signs a charged fee negative, the SPI reports what was charged. */
    public static TradeRecord trade(FillWire f, ContractSize size) {
        return new TradeRecord(f.clOrdId(), f.ordId(), f.tradeId(), side(f.side()), f.fillPx(), base(size, f.fillSz()),
                zeroIfNull(f.fee()).negate(), f.feeCcy(), f.fillTime() > 0 ? f.fillTime() : f.ts());
    }

    // ------------------------------------------------------------------ instruments

    /**
     * A swap's rules. Only USDT-settled linear swaps with a contract multiplier of 1 are supported: their
     * notional is size × contract value × price in USDT, as the core computes it.
     *
     * @throws IllegalArgumentException naming the instrument and what it is when it is not such a swap
     */
    public static OkxSymbolRules rules(InstrumentWire i) {
        if (!"SWAP".equals(i.instType())) {
            throw new IllegalArgumentException(i.instId() + " is not a perpetual swap (instType " + i.instType() + ")");
        }
        if (!"linear".equals(i.ctType()) || !"USDT".equals(i.settleCcy())) {
            throw new IllegalArgumentException(i.instId() + " is not a USDT-margined linear swap (contract type "
                    + i.ctType() + ", settled in " + i.settleCcy() + "); only those are supported");
        }
        if (i.ctMult() != null && i.ctMult().compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException(i.instId() + " has a contract multiplier of "
                    + i.ctMult().toPlainString() + "; only a multiplier of 1 is supported");
        }
        if (i.tickSz() == null || i.tickSz().signum() <= 0) {
            throw new IllegalArgumentException(i.instId() + ": the tick size (tickSz) must be positive, was " + i.tickSz());
        }
        ContractSize size = new ContractSize(i.instId(), i.ctVal(), i.lotSz(), zeroIfNull(i.minSz()));
        SymbolRules core = new SymbolRules(i.instId(), i.tickSz(), size.baseStep(), size.baseMinimum(), BigDecimal.ZERO,
                MAX_PENDING_ORDERS);
        return new OkxSymbolRules(core, size, i.state(), i.maxLmtSz(), i.maxMktSz());
    }

    /** OKX's cap on pending orders per instrument. */
    public static final int MAX_PENDING_ORDERS = 500;

    private static BigDecimal base(ContractSize size, BigDecimal contracts) {
        return contracts == null ? BigDecimal.ZERO : size.baseQuantity(contracts);
    }

    private static BigDecimal positive(BigDecimal value) {
        return value == null || value.signum() == 0 ? null : value;
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
