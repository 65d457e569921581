package io.gridbot.core.machine;

import static io.gridbot.core.status.GridStatus.INITIALIZING;
import static io.gridbot.core.status.GridStatus.PAUSED;
import static io.gridbot.core.status.GridStatus.RUNNING;
import static io.gridbot.core.status.GridStatus.SAFE_MODE;
import static io.gridbot.core.status.GridStatus.STOPPED;
import static io.gridbot.core.status.GridStatus.STOPPING;
import static io.gridbot.core.status.GridStatus.STOP_LOSS;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.command.GridCommand.AlertKind;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.event.GridEvent.ExchangeSnapshot;
import io.gridbot.core.log.LogType;
import io.gridbot.core.status.GridStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The grid's lifecycle: its status, what each control does in each status, and which status may
 * follow which. A control that does not apply is refused with a warning; a status change outside
 * {@link #legal} is a defect of the core and throws, which {@link GridMachine#on} reports as an internal error.
 */
final class Lifecycle {

    /** What a control asks of the grid in a given status. */
    enum Move {
        START, PAUSE, RESUME, RESUME_FROM_SAFE_MODE, STOP, REFUSE
    }

    private final Grid g;
    private GridStatus status = STOPPED;

    Lifecycle(Grid g) {
        this.g = g;
    }

    GridStatus status() {
        return status;
    }

    boolean is(GridStatus s) {
        return status == s;
    }

    /** The table: status × control → move. */
    static Move move(GridStatus status, Control control) {
        return switch (status) {
            case STOPPED -> control == Control.START ? Move.START : Move.REFUSE;
            case INITIALIZING, RUNNING -> switch (control) {
                case PAUSE -> Move.PAUSE;
                case STOP -> Move.STOP;
                case START, RESUME -> Move.REFUSE;
            };
            case PAUSED -> switch (control) {
                case RESUME -> Move.RESUME;
                case STOP -> Move.STOP;
                case START, PAUSE -> Move.REFUSE;
            };
            case SAFE_MODE -> switch (control) {
                case RESUME -> Move.RESUME_FROM_SAFE_MODE;
                case STOP -> Move.STOP;
                case START, PAUSE -> Move.REFUSE;
            };
            case STOPPING, STOP_LOSS -> Move.REFUSE; // flattening runs to its end
        };
    }

    /** Which status may follow which; everything else is a defect. */
    static boolean legal(GridStatus from, GridStatus to) {
        return switch (to) {
            case INITIALIZING -> from == STOPPED || from == PAUSED || from == SAFE_MODE;
            case RUNNING -> from == INITIALIZING || from == PAUSED;
            case PAUSED -> from == RUNNING || from == INITIALIZING;
            case SAFE_MODE -> from == RUNNING || from == PAUSED || from == INITIALIZING;
            case STOPPING -> from == INITIALIZING || from == RUNNING || from == PAUSED || from == SAFE_MODE;
            case STOP_LOSS -> from == INITIALIZING || from == RUNNING || from == PAUSED || from == SAFE_MODE;
            case STOPPED -> from == STOPPING || from == STOP_LOSS || from == INITIALIZING; // the last: start refused
        };
    }

    void onControl(Control control) {
        switch (move(status, control)) {
            case REFUSE -> g.out.warn(control.name().toLowerCase() + " ignored: the grid is " + status);
            case START -> {
                g.ids.started(g.nowMs());
                if (g.lines.ladder() == null && !g.config.spacing().needsMarketPrice()) {
                    g.lines.buildLadder(null);
                }
                setStatus(INITIALIZING, "start requested");
                g.venue.started();
                g.venue.requestSnapshot();
            }
            case PAUSE -> setStatus(PAUSED, "pause requested: orders and position kept");
            case RESUME -> {
                if (!g.venue.seenSinceStart() && !g.venue.awaiting()) {
                    // Paused by a fault before the venue ever answered: what rests there is still unknown.
                    setStatus(INITIALIZING, "resume requested before the venue was seen: resynchronising");
                    g.venue.requestSnapshot();
                } else if (g.venue.resyncing() || g.lines.ladder() == null) {
                    setStatus(INITIALIZING, "resume requested before initialisation finished");
                    finishInitialisation();
                } else {
                    setStatus(RUNNING, "resume requested");
                    g.sync.sync();
                }
            }
            case RESUME_FROM_SAFE_MODE -> {
                setStatus(INITIALIZING, "resume from safe mode: resynchronising with the venue");
                g.venue.requestSnapshot();
            }
            case STOP -> g.flattening.begin(false, g.market.lastPrice(), null, "stop requested by the user");
        }
    }

    void setStatus(GridStatus to, String reason) {
        if (!legal(status, to)) {
            throw new IllegalStateException("illegal status change " + status + " -> " + to + " (" + reason + ")");
        }
        g.sync.noteChange();
        GridStatus from = status;
        status = to;
        g.out.add(new GridCommand.StatusChanged(from, to, reason));
        g.out.info("status " + from + " -> " + to + ": " + reason);
    }

    /** An internal failure: reported, and a trading grid pauses. */
    void fail(String message, Throwable error) {
        String detail = message;
        if (error != null) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            detail = message + "\n" + trace;
        }
        g.out.record(LogType.ERROR, detail, null, null);
        g.out.add(new GridCommand.Alert(AlertKind.UNEXPECTED_ERROR, message));
        // A stop-loss or stop keeps flattening: pausing it would leave the position open.
        if (status == RUNNING || status == INITIALIZING) {
            setStatus(PAUSED, "paused after an unexpected error");
        }
    }

    /** Initialising ends once the venue's truth and a price are in: the grid runs, or refuses to start. */
    void finishInitialisation() {
        if (status != INITIALIZING || g.venue.awaiting() || g.market.lastPrice() == null) {
            return;
        }
        if (g.lines.ladder() == null) {
            g.lines.buildLadder(g.market.lastPrice());
        }
        ExchangeSnapshot held = g.venue.takeHeld();
        if (held != null) {
            g.adoption.reconcile(held);
            g.venue.replayJournal();
        }
        BigDecimal price = g.market.lastPrice(); // the replay may have moved it
        Optional<String> refusal = g.book.legs().isFlat() && g.orders.isEmpty() && !g.stop.exists()
                ? g.lines.stopRule().startRefusal(price) : Optional.empty();
        if (refusal.isPresent()) { // it would stop at once: refused while nothing is held
            g.out.record(LogType.ERROR, refusal.get(), null, null);
            setStatus(STOPPED, refusal.get());
            return;
        }
        setStatus(RUNNING, "initialised at price " + price.toPlainString());
        g.venue.driftStarted();
        if (!g.market.checkStopLoss()) {
            g.sync.sync();
        }
    }
}
