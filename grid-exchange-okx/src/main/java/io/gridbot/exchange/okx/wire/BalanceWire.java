package io.gridbot.exchange.okx.wire;

import java.math.BigDecimal;
import java.util.List;

/** {@code GET /api/v5/account/balance}: the trading account and its assets with a non-zero balance. */
public record BalanceWire(long uTime, BigDecimal totalEq, List<Detail> details) {

    public BalanceWire {
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** One asset: its cash balance, what orders may still use, its equity. */
    public record Detail(String ccy, BigDecimal eq, BigDecimal cashBal, BigDecimal availBal, BigDecimal availEq,
            BigDecimal upl, long uTime) {
    }
}
