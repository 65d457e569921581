package io.gridbot.exchange.bybit.wire;

/** What {@code /v5/order/create}, {@code cancel} and each item of the batch answers name: the order's two ids. */
public record CreatedWire(String orderId, String orderLinkId, long createAt) {
}
