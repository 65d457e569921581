package io.gridbot.exchange.binance;

import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.account.Balance;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.binance.rest.AccountCalls;
import io.gridbot.exchange.binance.rest.PositionModeCheck;
import io.gridbot.exchange.binance.rest.ServerClock;
import io.gridbot.exchange.binance.rest.WireReader;
import io.gridbot.exchange.binance.wire.NeutralMapper;
import io.gridbot.exchange.binance.wire.PositionRiskWire;
import io.gridbot.exchange.binance.wire.UserTradeWire;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The SPI's account reads on Binance: the one-way position of a symbol (flat when the venue lists none), the
 * balances, and the trades in time order, each named by its order's client id; and the position-mode check.
 */
final class VenueAccount {

    private final AccountCalls account;
    private final WireReader wire;
    private final ClientIds clientIds;
    private final ServerClock clock;
    private final Set<String> symbols;

    /** @param symbols every symbol in use, which this adds to */
    VenueAccount(AccountCalls account, WireReader wire, ClientIds clientIds, ServerClock clock, Set<String> symbols) {
        this.account = account;
        this.wire = wire;
        this.clientIds = clientIds;
        this.clock = clock;
        this.symbols = symbols;
    }

    /** Refuses an account in hedge position mode, which the adapter does not speak. */
    void requireOneWay() throws ExchangeException {
        PositionModeCheck.requireOneWay(account);
    }

    PositionSnapshot position(String symbol) throws ExchangeException {
        symbols.add(symbol);
        List<PositionRiskWire> legs = account.positions(symbol);
        long now = clock.nowMs();
        return legs.stream().filter(p -> symbol.equals(p.symbol()))
                .filter(p -> p.positionSide() == null || "BOTH".equals(p.positionSide())).findFirst()
                .map(p -> NeutralMapper.position(p, now))
                .orElse(new PositionSnapshot(symbol, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, now));
    }

    List<TradeRecord> trades(String symbol, long fromMs) throws ExchangeException {
        List<UserTradeWire> all = new ArrayList<>(account.trades(symbol, fromMs));
        all.sort(Comparator.comparingLong(UserTradeWire::time).thenComparingLong(UserTradeWire::id));
        List<TradeRecord> out = new ArrayList<>(all.size());
        for (UserTradeWire t : all) {
            String clientId = clientIds.of(symbol, t.orderId());
            out.add(wire.convert(t, w -> NeutralMapper.trade(w, clientId)));
        }
        return out;
    }

    List<Balance> balances() throws ExchangeException {
        return account.balances().stream().map(NeutralMapper::balance).toList();
    }
}
