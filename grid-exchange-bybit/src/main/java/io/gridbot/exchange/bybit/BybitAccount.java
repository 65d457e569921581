package io.gridbot.exchange.bybit;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.PositionSide;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.account.Balance;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.bybit.rest.AccountCalls;
import io.gridbot.exchange.wire.ServerClock;
import io.gridbot.exchange.bybit.rest.WireReader;
import io.gridbot.exchange.bybit.wire.ExecutionWire;
import io.gridbot.exchange.bybit.wire.NeutralMapper;
import io.gridbot.exchange.bybit.wire.PositionWire;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SPI's account reads on Bybit. Bybit keeps the position mode per symbol (or per settle coin), not per account:
 * the adapter reads it from a symbol in use (a symbol's position list has index 0 in one-way mode, 1 and 2 in hedge
 * mode, flat ones too) and switches every symbol in use, or the USDT coin when none is. Executions are read from the
 * start asked for, but no further back than {@link #RECOVERY_HORIZON_MS}, seven days a query.
 */
final class BybitAccount {

    /** How far back the trade history is read at most: a grid down longer recovers from its positions instead. */
    static final long RECOVERY_HORIZON_MS = 4 * AccountCalls.EXECUTION_WINDOW_MS;
    private static final long CLOCK_MARGIN_MS = 60_000;

    private final AccountCalls account;
    private final WireReader wire;
    private final BybitListing listing;
    private final ServerClock clock;
    private final Set<String> symbols;

    /** @param symbols every contract in use */
    BybitAccount(AccountCalls account, WireReader wire, BybitListing listing, ServerClock clock, Set<String> symbols) {
        this.account = account;
        this.wire = wire;
        this.listing = listing;
        this.clock = clock;
        this.symbols = symbols;
    }

    /**
     * The mode of a symbol in use, read from its positions (Bybit lists a symbol's legs, held or not, when asked by
     * symbol). Bybit keeps the mode per symbol, so with none in use there is nothing to read it from: refused, rather
     * than guessed.
     */
    PositionMode positionMode() throws ExchangeException {
        Optional<String> inUse = symbols.stream().findFirst();
        if (inUse.isEmpty()) {
            throw new ExchangeException(ExchangeErrorKind.OTHER, null, "Bybit keeps the position mode per symbol, "
                    + "and no symbol is in use to read it from: name one");
        }
        return modeOf(account.positions(inUse.get()));
    }

    private static PositionMode modeOf(List<PositionWire> listed) {
        return listed.stream().anyMatch(p -> p.positionIdx() != null && p.positionIdx() != 0) ? PositionMode.HEDGE
                : PositionMode.ONE_WAY;
    }

    /** {@code POST /v5/position/switch-mode} of every symbol in use (else of the USDT coin), only when asked. */
    void changePositionMode(PositionMode wanted) throws ExchangeException {
        if (symbols.isEmpty()) {
            account.switchMode(null, wanted);
        }
        for (String symbol : symbols) {
            account.switchMode(symbol, wanted);
        }
    }

    /**
     * The net position ({@code BOTH}); in hedge mode the legs netted as the SPI says (entry price of the only open
     * leg, zero when both or neither are open).
     */
    PositionSnapshot position(String symbol) throws ExchangeException {
        List<PositionSnapshot> legs = positions(symbol);
        if (legs.size() == 1) {
            return legs.getFirst();
        }
        BigDecimal qty = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        for (PositionSnapshot p : legs) {
            qty = qty.add(p.netQty());
            unrealized = unrealized.add(p.unrealizedPnl());
        }
        List<PositionSnapshot> open = legs.stream().filter(p -> p.netQty().signum() != 0).toList();
        BigDecimal entry = open.size() == 1 ? open.getFirst().entryPrice() : BigDecimal.ZERO;
        long at = legs.stream().mapToLong(PositionSnapshot::atMs).max().orElse(clock.nowMs());
        return new PositionSnapshot(symbol, qty, entry, unrealized, at);
    }

    /** One {@code BOTH} snapshot in one-way mode; the {@code LONG} then the {@code SHORT} leg in hedge mode. */
    List<PositionSnapshot> positions(String symbol) throws ExchangeException {
        listing.rules(symbol);
        long now = clock.nowMs();
        List<PositionWire> wires = account.positions(symbol);
        List<PositionSnapshot> listed = new ArrayList<>();
        for (PositionWire p : wires) {
            if (symbol.equals(p.symbol())) {
                listed.add(wire.convert(p, w -> NeutralMapper.position(w, now)));
            }
        }
        List<PositionSide> legs = modeOf(wires) == PositionMode.HEDGE ? List.of(PositionSide.LONG, PositionSide.SHORT)
                : List.of(PositionSide.BOTH);
        List<PositionSnapshot> out = new ArrayList<>(legs.size());
        for (PositionSide leg : legs) {
            out.add(listed.stream().filter(p -> p.positionSide() == leg).findFirst()
                    .orElse(new PositionSnapshot(symbol, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, now, leg)));
        }
        return out;
    }

    /** The symbol's trades (executions of type {@code Trade}) since {@code fromMs}, oldest first. */
    List<TradeRecord> trades(String symbol, long fromMs) throws ExchangeException {
        long now = clock.nowMs();
        List<TradeRecord> out = new ArrayList<>();
        // to a little past now: the clock is an estimate, and a trade stamped by the venue just now must not be missed
        for (ExecutionWire e : account.executions(symbol, Math.max(fromMs, now - RECOVERY_HORIZON_MS), now + CLOCK_MARGIN_MS)) {
            if ("Trade".equals(e.execType())) {
                out.add(wire.convert(e, NeutralMapper::trade));
            }
        }
        out.sort(Comparator.comparingLong(TradeRecord::atMs).thenComparing(TradeRecord::tradeId));
        return out;
    }

    List<Balance> balances() throws ExchangeException {
        return account.wallet().coin().stream().map(NeutralMapper::balance).toList();
    }
}
