package io.gridbot.runner.soak;

import io.gridbot.exchange.ExchangeException;
import io.gridbot.exchange.sim.SimulatedExchange;
import java.util.List;

/** The venue read for the soak's waits: a failed read is a failed run. */
record SoakVenueView(SimulatedExchange venue, List<SoakGrid> grids) {

    boolean nothingRests() {
        try {
            for (SoakGrid g : grids) {
                if (!venue.openOrders(g.symbol()).isEmpty()) {
                    return false;
                }
            }
            return true;
        } catch (ExchangeException e) {
            throw new IllegalStateException(e);
        }
    }

    int executions(SoakGrid g) {
        try {
            return venue.trades(g.symbol(), 0).size();
        } catch (ExchangeException e) {
            throw new IllegalStateException(e);
        }
    }
}
