package io.gridbot.runner.daemon;

import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import io.gridbot.core.machine.GridView;
import io.gridbot.core.status.GridStatus;
import io.gridbot.persistence.runtime.GridRuntimeRepository.Settlement;
import java.util.List;
import java.util.Optional;

/**
 * What a control request came to, in the words its requester reads, and whether anything was done: a pause of
 * a paused grid says so and is no success; a start is answered once its grid runs or has ended, with the
 * reason when it stopped or failed at once.
 *
 * @param settlement what kind of outcome it is
 * @param text       what the requester is told
 */
record ControlAnswer(Settlement settlement, String text) {

    static ControlAnswer refused(String text) {
        return new ControlAnswer(Settlement.REFUSED, text);
    }

    /** A resume of a grid whose host was gone, which this daemon took and restarted. */
    static ControlAnswer resumedAfterTakeover(String owner) {
        return done("resume accepted by " + owner + ": its host was gone, so the grid restarts here and "
                + "resynchronises with the venue");
    }

    /** A pause, resume or stop, from the grid's status before and after the grid handled it. */
    static ControlAnswer afterControl(Control action, GridStatus before, GridStatus after, String owner) {
        String verb = action.name().toLowerCase(java.util.Locale.ROOT);
        return switch (action) {
            case PAUSE -> before == GridStatus.PAUSED ? unchanged("already paused on " + owner + "; nothing done")
                    : after == GridStatus.PAUSED ? done(verb + " accepted by " + owner + ": orders and position kept")
                    : unchanged("the grid is " + before + " on " + owner + ": nothing to pause");
            case RESUME -> before == GridStatus.RUNNING ? unchanged("already running on " + owner + "; nothing done")
                    : after != before ? done(verb + " accepted by " + owner + ": the grid is " + after)
                    : unchanged("the grid is " + before + " on " + owner + ": nothing to resume");
            case STOP -> before == GridStatus.STOPPED ? unchanged("already stopped on " + owner + "; nothing done")
                    : before == GridStatus.STOPPING || before == GridStatus.STOP_LOSS
                            ? unchanged("already stopping on " + owner + " (" + before + "); nothing more done")
                            : done(verb + " accepted by " + owner + ": cancelling every order and closing the position");
            case START -> throw new IllegalArgumentException("a start is answered by afterStart");
        };
    }

    /** A start, once the grid handled it: an answer when it runs or has ended, empty while it initialises. */
    static Optional<ControlAnswer> afterStart(GridView view, String owner, long startedAtMs) {
        String taken = "start taken by " + owner + ", but the grid ";
        return switch (view.status()) {
            case RUNNING -> Optional.of(done("start accepted by " + owner + ": running"));
            case INITIALIZING -> Optional.empty();
            case STOPPED, STOPPING, STOP_LOSS -> Optional.of(failed(taken + "stopped at once: " + reason(view, startedAtMs)));
            case PAUSED -> Optional.of(failed(taken + "paused at once: " + reason(view, startedAtMs)));
            case SAFE_MODE -> Optional.of(failed(taken + "went to safe mode at once: " + reason(view, startedAtMs)));
        };
    }

    /** A start of a grid already live here: the grid keeps the configuration it runs. */
    static ControlAnswer startOfLive(GridStatus status, String owner, boolean storedDiffers) {
        String note = storedDiffers ? " (it keeps the configuration it runs, which differs from the stored one: stop it"
                + " and start it again to run the stored one)" : "";
        return status == GridStatus.RUNNING ? done("start accepted by " + owner + ": already running" + note)
                : unchanged("the grid is " + status + " on " + owner + "; start does nothing"
                        + (status == GridStatus.PAUSED ? " (resume it)" : "") + note);
    }

    /** Why the grid did not come to run: the newest error since the start, else the reason of its last change. */
    private static String reason(GridView view, long startedAtMs) {
        List<LogEntry> log = view.recentLog();
        for (int i = log.size() - 1; i >= 0; i--) {
            LogEntry e = log.get(i);
            if (e.atMs() >= startedAtMs && e.type() == LogType.ERROR) {
                return firstLine(e.detail());
            }
        }
        for (int i = log.size() - 1; i >= 0; i--) {
            String detail = log.get(i).detail();
            for (GridStatus failing : List.of(GridStatus.STOP_LOSS, GridStatus.STOPPING, GridStatus.PAUSED,
                    GridStatus.SAFE_MODE)) {
                String marker = "-> " + failing + ": ";
                int at = detail.indexOf(marker);
                if (detail.startsWith("status ") && at >= 0) {
                    return failing == GridStatus.STOP_LOSS ? "stop-loss: " + detail.substring(at + marker.length())
                            : detail.substring(at + marker.length());
                }
            }
        }
        return "see 'grid status' and 'grid logs'";
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static ControlAnswer done(String text) {
        return new ControlAnswer(Settlement.DONE, text);
    }

    private static ControlAnswer unchanged(String text) {
        return new ControlAnswer(Settlement.UNCHANGED, text);
    }

    private static ControlAnswer failed(String text) {
        return new ControlAnswer(Settlement.FAILED, text);
    }
}
