package io.gridbot.exchange.stream;

import io.gridbot.exchange.account.Balance;
import io.gridbot.exchange.account.PositionSnapshot;
import java.util.List;

/**
 * Balances or positions changed (Binance's ACCOUNT_UPDATE): only what changed is listed.
 *
 * @param reason    why, in the venue's words (ORDER, FUNDING_FEE, …)
 * @param balances  changed balances
 * @param positions changed positions
 * @param atMs      the venue's event time
 */
public record AccountEvent(String reason, List<Balance> balances, List<PositionSnapshot> positions, long atMs) {

    public AccountEvent {
        balances = List.copyOf(balances);
        positions = List.copyOf(positions);
    }
}
