package io.gridbot.exchange.okx.wire;

/** {@code GET /api/v5/public/time}: the venue's time in milliseconds. */
public record ServerTimeWire(long ts) {
}
