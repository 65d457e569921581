package io.gridbot.exchange.okx;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.order.PositionSide;
import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.TradeRecord;
import io.gridbot.exchange.account.Balance;
import io.gridbot.exchange.account.PositionSnapshot;
import io.gridbot.exchange.okx.rest.AccountCalls;
import io.gridbot.exchange.okx.rest.OkxErrors;
import io.gridbot.exchange.wire.ServerClock;
import io.gridbot.exchange.okx.rest.WireReader;
import io.gridbot.exchange.okx.wire.ContractSize;
import io.gridbot.exchange.okx.wire.FillWire;
import io.gridbot.exchange.okx.wire.NeutralMapper;
import io.gridbot.exchange.okx.wire.PositionWire;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The SPI's account reads on OKX. OKX lists only the legs that hold a position, so the account's position mode,
 * read at open and after every switch, says what a flat swap looks like: one flat {@code BOTH} in net mode, a flat
 * {@code LONG} and {@code SHORT} in long/short mode, as the SPI wants both legs always. Fills come back in time
 * order, each with its client id as OKX names it.
 */
final class OkxAccount {

    private final AccountCalls account;
    private final WireReader wire;
    private final OkxListing listing;
    private final ServerClock clock;
    private final Set<String> symbols;
    private volatile PositionMode mode;

    /** @param symbols every swap in use, which this adds to */
    OkxAccount(AccountCalls account, WireReader wire, OkxListing listing, ServerClock clock, Set<String> symbols) {
        this.account = account;
        this.wire = wire;
        this.listing = listing;
        this.clock = clock;
        this.symbols = symbols;
    }

    /** {@code GET /api/v5/account/config}: read at every call and remembered for the position reads. */
    PositionMode positionMode() throws ExchangeException {
        PositionMode read = account.positionMode();
        mode = read;
        return read;
    }

    /** {@code POST /api/v5/account/set-position-mode}, only when asked: the adapter never switches the account itself. */
    void changePositionMode(PositionMode wanted) throws ExchangeException {
        // OKX's documentation does not say what a switch to the mode already set answers: refused here, as the SPI
        // says, whatever OKX would do.
        if (positionMode() == wanted) {
            throw OkxErrors.refusedLocally(ExchangeErrorKind.OTHER, "the account is already in " + wanted
                    + " position mode");
        }
        account.changePositionMode(wanted);
        mode = wanted;
    }

    /**
     * The net position ({@code BOTH}); in long/short mode the legs netted as the SPI says (entry price of the only
     * open leg, zero when both or neither are open).
     */
    PositionSnapshot position(String instId) throws ExchangeException {
        List<PositionSnapshot> legs = positions(instId);
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
        return new PositionSnapshot(instId, qty, entry, unrealized, at);
    }

    /** One {@code BOTH} snapshot in net mode; the {@code LONG} then the {@code SHORT} leg in long/short mode. */
    List<PositionSnapshot> positions(String instId) throws ExchangeException {
        symbols.add(instId);
        ContractSize size = listing.size(instId);
        long now = clock.nowMs();
        List<PositionSnapshot> listed = new ArrayList<>();
        for (PositionWire p : account.positions(instId)) {
            if (instId.equals(p.instId())) {
                listed.add(wire.convert(p, w -> NeutralMapper.position(w, size, now)));
            }
        }
        PositionMode current = mode != null ? mode : positionMode();
        List<PositionSide> legs = current == PositionMode.HEDGE ? List.of(PositionSide.LONG, PositionSide.SHORT)
                : List.of(PositionSide.BOTH);
        List<PositionSnapshot> out = new ArrayList<>(legs.size());
        for (PositionSide leg : legs) {
            out.add(listed.stream().filter(p -> p.positionSide() == leg).findFirst()
                    .orElse(new PositionSnapshot(instId, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, now, leg)));
        }
        return out;
    }

    List<TradeRecord> trades(String instId, long fromMs) throws ExchangeException {
        ContractSize size = listing.size(instId);
        List<TradeRecord> out = new ArrayList<>();
        for (FillWire f : account.fills(instId, fromMs)) {
            out.add(wire.convert(f, w -> NeutralMapper.trade(w, size)));
        }
        out.sort(Comparator.comparingLong(TradeRecord::atMs).thenComparing(TradeRecord::tradeId));
        return out;
    }

    List<Balance> balances() throws ExchangeException {
        return account.balance().details().stream().map(NeutralMapper::balance).toList();
    }
}
