package io.gridbot.core.machine;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.command.GridCommand.AlertKind;
import io.gridbot.core.event.GridEvent.StreamHealth;
import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.core.log.LogType;
import io.gridbot.core.status.GridStatus;

/**
 * The venue streams' health: nothing new is placed while they are down, a reconnect
 * resynchronises, and a stream that gave up puts a trading grid in safe mode with its orders cancelled.
 */
final class StreamWatch {

    private final Grid g;
    private boolean up = true;

    StreamWatch(Grid g) {
        this.g = g;
    }

    boolean up() {
        return up;
    }

    void onStream(StreamHealth h) {
        g.sync.noteChange();
        switch (h.state()) {
            case DISCONNECTED, RECONNECTING -> {
                if (up) {
                    g.out.warn("venue stream lost: no new orders until it is back");
                }
                up = false;
                if (h.state() == StreamState.RECONNECTING) {
                    g.out.info("reconnecting, attempt " + h.attempt());
                }
            }
            case CONNECTED -> {
                if (!up) {
                    up = true;
                    g.out.info("venue stream connected: resynchronising orders and position");
                    if (g.status().isActive()) {
                        g.venue.requestSnapshot();
                    }
                }
            }
            case GAVE_UP -> {
                up = false;
                GridStatus status = g.status();
                if (status == GridStatus.RUNNING || status == GridStatus.PAUSED || status == GridStatus.INITIALIZING) {
                    g.orders.cancelEverything();
                    g.out.record(LogType.ERROR, "venue stream gave up after " + h.attempt()
                            + " attempts: safe mode, all grid orders cancelled", null, null);
                    g.lifecycle.setStatus(GridStatus.SAFE_MODE, "stream reconnects exhausted");
                    g.out.add(new GridCommand.Alert(AlertKind.SAFE_MODE, g.config.name()
                            + " entered safe mode: the venue stream could not be restored"));
                }
            }
        }
    }
}
