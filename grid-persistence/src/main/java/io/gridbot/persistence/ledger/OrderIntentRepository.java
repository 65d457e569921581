package io.gridbot.persistence.ledger;

import static io.gridbot.persistence.column.StoredDecimal.plain;
import static io.gridbot.persistence.jooq.Tables.ORDER_INTENT;

import io.gridbot.core.order.Intent;
import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderStatus;
import io.gridbot.persistence.jooq.tables.records.OrderIntentRecord;
import java.math.BigDecimal;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * Orders with their business intent (the spec's {@code OrderIntent}): recorded when placed, updated as the
 * venue reports, so a restart and an audit know what every order was for.
 */
public final class OrderIntentRepository {

    /**
     * One order as stored.
     *
     * @param intent entry or exit; {@code null} for protective stops and closes
     */
    public record StoredIntent(String clientOrderId, String orderId, int line, Integer levelIndex, Intent intent,
            OrderRequest request, OrderStatus status, BigDecimal filled, long createdAt, Long resolvedAt) {
    }

    private final DSLContext dsl;

    public OrderIntentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Records a placed order (a retried create of the same id changes nothing). */
    public void placed(long configId, OrderRequest r, Intent intent, int line, Integer levelIndex, long nowMs) {
        try {
            insert(configId, r, intent, line, levelIndex, nowMs);
        } catch (IntegrityConstraintViolationException retried) {
            // the same create again: already recorded
        }
    }

    private void insert(long configId, OrderRequest r, Intent intent, int line, Integer levelIndex, long nowMs) {
        dsl.insertInto(ORDER_INTENT)
                .set(ORDER_INTENT.CONFIG_ID, configId).set(ORDER_INTENT.CLIENT_ORDER_ID, r.clientOrderId())
                .set(ORDER_INTENT.LEVEL_INDEX, levelIndex).set(ORDER_INTENT.LINE, line)
                .set(ORDER_INTENT.INTENT, intent == null ? null : intent.name()).set(ORDER_INTENT.SIDE, r.side().name())
                .set(ORDER_INTENT.ORDER_TYPE, r.type().name()).set(ORDER_INTENT.PRICE, r.price() != null ? r.price() : r.stopPrice())
                .set(ORDER_INTENT.AMOUNT, r.quantity()).set(ORDER_INTENT.REDUCE_ONLY, r.reduceOnly())
                .set(ORDER_INTENT.STATUS, "PENDING").set(ORDER_INTENT.FILLED, BigDecimal.ZERO)
                .set(ORDER_INTENT.CREATED_AT, nowMs)
                .execute();
    }

    /** The venue's word on an order: its id, status and filled quantity; final statuses close it. */
    public void update(long configId, String clientOrderId, String orderId, OrderStatus status, BigDecimal filled,
            long nowMs) {
        // Updates arrive from two sources (the order stream and the create's acknowledgement) in either order:
        // a final state stays final and the filled quantity never goes back, so a late "NEW" cannot reopen it.
        dsl.update(ORDER_INTENT)
                .set(ORDER_INTENT.ORDER_ID, orderId).set(ORDER_INTENT.STATUS, status.name()).set(ORDER_INTENT.FILLED, filled)
                .set(ORDER_INTENT.RESOLVED_AT, status.isFinal() ? nowMs : null)
                .where(ORDER_INTENT.CONFIG_ID.eq(configId)).and(ORDER_INTENT.CLIENT_ORDER_ID.eq(clientOrderId))
                .and(ORDER_INTENT.RESOLVED_AT.isNull()).and(ORDER_INTENT.FILLED.isNull().or(ORDER_INTENT.FILLED.le(filled)))
                .execute();
    }

    /** Orders not yet final, oldest first. */
    public List<StoredIntent> open(long configId, String symbol) {
        return dsl.selectFrom(ORDER_INTENT).where(ORDER_INTENT.CONFIG_ID.eq(configId)).and(ORDER_INTENT.RESOLVED_AT.isNull())
                .orderBy(ORDER_INTENT.ID).fetch(r -> read(r, symbol));
    }

    /** Every order placed in {@code [fromMs, toMs]}, oldest first: the input of fill rate and time to fill. */
    public List<StoredIntent> placedBetween(long configId, String symbol, long fromMs, long toMs) {
        return dsl.selectFrom(ORDER_INTENT).where(ORDER_INTENT.CONFIG_ID.eq(configId))
                .and(ORDER_INTENT.CREATED_AT.between(fromMs, toMs)).orderBy(ORDER_INTENT.ID).fetch(r -> read(r, symbol));
    }

    private static StoredIntent read(OrderIntentRecord r, String symbol) {
        io.gridbot.core.order.OrderType type = io.gridbot.core.order.OrderType.valueOf(r.getOrderType());
        io.gridbot.core.order.Side side = io.gridbot.core.order.Side.valueOf(r.getSide());
        OrderRequest request = switch (type) {
            case LIMIT -> OrderRequest.limit(r.getClientOrderId(), symbol, side, plain(r.getPrice()), plain(r.getAmount()),
                    io.gridbot.core.order.TimeInForce.GTC, r.getReduceOnly(), io.gridbot.core.order.PositionSide.BOTH);
            case MARKET -> OrderRequest.marketClose(r.getClientOrderId(), symbol, side, plain(r.getAmount()),
                    io.gridbot.core.order.PositionSide.BOTH);
            // The intent keeps no trigger: a stored stop is matched against the venue by id, never sent again.
            case STOP_MARKET -> OrderRequest.protectiveStop(r.getClientOrderId(), symbol, side, plain(r.getPrice()),
                    io.gridbot.core.order.PositionSide.BOTH, io.gridbot.core.order.StopTrigger.LAST);
        };
        OrderStatus status = "PENDING".equals(r.getStatus()) ? OrderStatus.NEW : OrderStatus.valueOf(r.getStatus());
        return new StoredIntent(r.getClientOrderId(), r.getOrderId(), r.getLine(), r.getLevelIndex(),
                r.getIntent() == null ? null : Intent.valueOf(r.getIntent()), request, status, plain(r.getFilled()),
                r.getCreatedAt(), r.getResolvedAt());
    }

}
