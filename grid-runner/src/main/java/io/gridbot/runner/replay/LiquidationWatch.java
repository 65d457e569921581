package io.gridbot.runner.replay;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.PositionSide;
import io.gridbot.exchange.sim.Liquidation;
import io.gridbot.exchange.sim.SimulatedExchange;
import io.gridbot.runner.engine.GridEngine;
import io.gridbot.runner.engine.GridJournal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a replay does when the venue liquidates its account. The liquidation order is the venue's, not the
 * grid's, so the grid's core never books it (it hears only its own orders; its position is settled to the
 * venue's flat one at the next snapshot). The replay books it in the grid's ledger, as a close of the
 * position at the liquidation's price with the liquidation fee, so the ledger still equals the venue's trade
 * history and the statistics take the loss; and it stops the grid, whose account is gone: it hears of the
 * liquidation before the grid hears of the cancelled orders, so the grid never enters again. The grid is told
 * the venue's flat position before the stop, so the stop closes nothing.
 */
final class LiquidationWatch {

    private final String symbol;
    private final String grid;
    private final String asset;
    private final GridJournal journal;
    private final PositionMode mode;
    private final List<Fill> unbooked = new ArrayList<>();
    private GridEngine engine;
    private Liquidation first;

    LiquidationWatch(SimulatedExchange venue, String symbol, String grid, String asset, GridJournal journal,
            PositionMode mode) {
        this.mode = mode;
        this.symbol = symbol;
        this.grid = grid;
        this.asset = asset;
        this.journal = journal;
        venue.margin().watchLiquidations(this::liquidated);
    }

    /** The engine whose grid is stopped on a liquidation. */
    LiquidationWatch stopping(GridEngine grid) {
        this.engine = grid;
        return this;
    }

    /** The first liquidation of the replay, if any. */
    Optional<Liquidation> first() {
        return Optional.ofNullable(first);
    }

    /**
     * Books the liquidation fills heard since the last call; call it after the grid has handled the events of
     * the trade, so the ledger lists the grid's own fills of that trade (the venue matched them first) before.
     */
    void book() {
        if (unbooked.isEmpty()) {
            return; // every trade asks
        }
        unbooked.forEach(fill -> journal.fill(grid, fill));
        unbooked.clear();
    }

    private void liquidated(Liquidation l) {
        if (!l.symbol().equals(symbol)) {
            return;
        }
        unbooked.add(new Fill(l.atMs(), l.clientOrderId(), l.exchangeOrderId(), l.tradeId(), ClientOrderId.Kind.CLOSE,
                l.side(), -1, l.price(), l.qty(), l.fee(), asset, BigDecimal.ZERO));
        if (first == null) {
            first = l;
            if (engine != null) {
                // The venue's flat position first, so the stop closes nothing (a close would be refused) and
                // only confirms with a snapshot.
                // In hedge mode both legs are gone (the venue closes them all); each is told on its own.
                for (PositionSide leg : mode == PositionMode.HEDGE ? List.of(PositionSide.LONG, PositionSide.SHORT)
                        : List.of(PositionSide.BOTH)) {
                    engine.submit(new GridEvent.PositionUpdate(l.atMs(), leg, BigDecimal.ZERO));
                }
                engine.submit(new GridEvent.ControlRequested(l.atMs(), GridEvent.Control.STOP));
            }
        }
    }
}
