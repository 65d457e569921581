package io.gridbot.runner.daemon;

import io.gridbot.persistence.Database;
import io.gridbot.persistence.runtime.GridRuntimeRepository.Settlement;
import io.gridbot.runner.engine.GridEngine;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The starts taken and carried out whose answer waits for their grid: each is settled once its grid runs or
 * has ended, is no longer hosted here, or is still initialising {@value #START_WATCH_MS} ms after the start.
 */
final class StartWatch {

    /** How long a start is watched for its grid to run before its answer says it is still initialising. */
    static final long START_WATCH_MS = 600_000;
    private static final Logger LOG = LoggerFactory.getLogger(StartWatch.class);

    /** A start taken and carried out, answered when its grid runs or has ended. */
    private record PendingStart(long gridId, GridEngine engine, long startedAtMs) {
    }

    private final Database db;
    private final String owner;
    private final GridHosting hosting;
    private final Map<Long, PendingStart> starts = new ConcurrentHashMap<>();

    StartWatch(Database db, String owner, GridHosting hosting) {
        this.db = db;
        this.owner = owner;
        this.hosting = hosting;
    }

    /** Watches the start {@code requestId}, carried out at {@code startedAtMs} on {@code engine}. */
    void watch(long requestId, long gridId, GridEngine engine, long startedAtMs) {
        starts.put(requestId, new PendingStart(gridId, engine, startedAtMs));
    }

    /** Answers, at {@code nowMs}, the starts whose grids now run or have ended. */
    void doWork(long nowMs) {
        starts.forEach((requestId, start) -> {
            HostedGrid hosted = hosting.get(start.gridId());
            Optional<ControlAnswer> answer = hosted == null || hosted.engine() != start.engine()
                    ? Optional.of(new ControlAnswer(Settlement.FAILED, "start taken by " + owner
                            + ", but the grid is no longer hosted here"))
                    : ControlAnswer.afterStart(start.engine().view(), owner, start.startedAtMs());
            if (answer.isEmpty() && nowMs - start.startedAtMs() > START_WATCH_MS) {
                answer = Optional.of(new ControlAnswer(Settlement.FAILED, "start taken by " + owner
                        + ", but the grid is still initialising after " + START_WATCH_MS / 1000 + " s"));
            }
            answer.ifPresent(a -> {
                db.runtime().settle(requestId, a.text(), a.settlement(), nowMs);
                starts.remove(requestId);
                LOG.info("grid {}: {}", start.engine().machine().config().name(), a.text());
            });
        });
    }
}
