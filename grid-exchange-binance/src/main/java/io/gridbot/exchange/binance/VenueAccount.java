package io.gridbot.exchange.binance;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.order.PositionSide;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.account.Balance;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.binance.rest.AccountCalls;
import io.gridbot.exchange.wire.ServerClock;
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
 * The SPI's account reads on Binance: the position of a symbol (flat when the venue lists none), its legs, the
 * balances, and the trades in time order, each named by its order's client id; and the position mode, read and
 * changed through {@link BinanceAccountMode}.
 */
final class VenueAccount {

    private final AccountCalls account;
    private final BinanceAccountMode mode;
    private final WireReader wire;
    private final ClientIds clientIds;
    private final ServerClock clock;
    private final Set<String> symbols;

    /** @param symbols every symbol in use, which this adds to */
    VenueAccount(AccountCalls account, BinanceAccountMode mode, WireReader wire, ClientIds clientIds, ServerClock clock,
            Set<String> symbols) {
        this.account = account;
        this.mode = mode;
        this.wire = wire;
        this.clientIds = clientIds;
        this.clock = clock;
        this.symbols = symbols;
    }

    PositionMode positionMode() throws ExchangeException {
        return mode.positionMode();
    }

    void changePositionMode(PositionMode wanted) throws ExchangeException {
        mode.changePositionMode(wanted);
    }

    /**
     * The one-way position ({@code BOTH}); on a hedge-mode account, which lists LONG and SHORT legs instead, the
     * legs netted as the SPI says (entry price of the only open leg, zero when both or neither are open).
     */
    PositionSnapshot position(String symbol) throws ExchangeException {
        List<PositionSnapshot> legs = positions(symbol);
        PositionSnapshot both = legs.stream().filter(p -> p.positionSide() == PositionSide.BOTH).findFirst().orElse(null);
        if (both != null || legs.isEmpty()) {
            return both != null ? both : flat(symbol, clock.nowMs());
        }
        BigDecimal qty = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        List<PositionSnapshot> open = legs.stream().filter(p -> p.netQty().signum() != 0).toList();
        for (PositionSnapshot p : legs) {
            qty = qty.add(p.netQty());
            unrealized = unrealized.add(p.unrealizedPnl());
        }
        BigDecimal entry = open.size() == 1 ? open.getFirst().entryPrice() : BigDecimal.ZERO;
        return new PositionSnapshot(symbol, qty, entry, unrealized, legs.getFirst().atMs());
    }

    /** The symbol's legs as the venue lists them, BOTH then LONG then SHORT; one flat BOTH when it lists none. */
    List<PositionSnapshot> positions(String symbol) throws ExchangeException {
        symbols.add(symbol);
        List<PositionRiskWire> legs = account.positions(symbol);
        long now = clock.nowMs();
        List<PositionSnapshot> out = legs.stream().filter(p -> symbol.equals(p.symbol()))
                .map(p -> NeutralMapper.position(p, now))
                .sorted(Comparator.comparing(PositionSnapshot::positionSide)).toList();
        return out.isEmpty() ? List.of(flat(symbol, now)) : out;
    }

    private static PositionSnapshot flat(String symbol, long now) {
        return new PositionSnapshot(symbol, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, now);
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
