package io.gridbot.runner.notify;

import io.gridbot.core.command.GridCommand.AlertKind;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One hosted grid's alerts: the core's, and the shell's own failures for it, stamped with the grid, its venue and
 * symbol, the time and the daemon, and raised on the daemon's sink (read at each alert, so a sink set later is used).
 */
public final class GridAlerts {

    private final String grid;
    private final String exchange;
    private final String symbol;
    private final String daemon;
    private final LongSupplier clock;
    private final Supplier<AlertSink> sink;

    public GridAlerts(String grid, String exchange, String symbol, String daemon, LongSupplier clock,
            Supplier<AlertSink> sink) {
        this.grid = grid;
        this.exchange = exchange;
        this.symbol = symbol;
        this.daemon = daemon;
        this.clock = clock;
        this.sink = sink;
    }

    public void raise(AlertKind kind, String message) {
        sink.get().raise(new GridAlert(grid, exchange, symbol, kind.name(), message, clock.getAsLong(), daemon));
    }
}
