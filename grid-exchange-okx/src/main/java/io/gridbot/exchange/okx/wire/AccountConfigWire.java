package io.gridbot.exchange.okx.wire;

/**
 * {@code GET /api/v5/account/config}: the account mode ({@code acctLv}: 1 spot, 2 futures, 3 multi-currency
 * margin, 4 portfolio margin) and the position mode ({@code posMode}: {@code net_mode} or {@code long_short_mode}).
 */
public record AccountConfigWire(String acctLv, String posMode, String uid) {
}
