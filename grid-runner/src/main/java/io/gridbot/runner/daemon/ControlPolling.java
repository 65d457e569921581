package io.gridbot.runner.daemon;

import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.status.GridStatus;
import io.gridbot.persistence.Database;
import io.gridbot.persistence.config.ConfigGuardException;
import io.gridbot.persistence.config.StoredGrid;
import io.gridbot.persistence.runtime.GridRuntimeRepository.ControlRequest;
import io.gridbot.persistence.runtime.GridRuntimeRepository.GridLease;
import io.gridbot.persistence.runtime.GridRuntimeRepository.Settlement;
import io.gridbot.runner.engine.GridEngine;
import io.gridbot.runner.venue.VenueUnavailableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's control requests: at each {@link #doWork(long)} the requests left in {@code grid_control}
 * that have not expired are read, each grid's carried out in order (grids side by side) on its engine, and
 * their outcomes recorded; a start is answered once its grid runs or has ended ({@link StartWatch}). A request is
 * taken (acknowledged) before anything is done, so one that expired meanwhile is never carried out; one for a
 * grid another daemon holds is left for that daemon. While the database cannot be read, that is said once.
 */
final class ControlPolling {

    private static final Logger LOG = LoggerFactory.getLogger(ControlPolling.class);

    private final Database db;
    private final LongSupplier clock;
    private final String owner;
    private final GridLeases leases;
    private final GridHosting hosting;
    private final StartWatch starts;
    private final ExecutorService adapterCalls;
    private final long pollMs;
    private boolean failing;

    /** @param pollMs how often {@link #doWork(long)} is called, for the outage message */
    ControlPolling(Database db, LongSupplier clock, String owner, GridLeases leases, GridHosting hosting,
            ExecutorService adapterCalls, long pollMs) {
        this.db = db;
        this.clock = clock;
        this.owner = owner;
        this.leases = leases;
        this.hosting = hosting;
        this.adapterCalls = adapterCalls;
        this.pollMs = pollMs;
        this.starts = new StartWatch(db, owner, hosting);
    }

    /** One poll at {@code nowMs}: answers the starts due an answer, then carries out the requests pending. */
    void doWork(long nowMs) throws InterruptedException {
        try {
            starts.doWork(nowMs);
            db.runtime().expireOverdue(nowMs);
            List<ControlRequest> pending = db.runtime().pendingAll(nowMs);
            if (!pending.isEmpty()) {
                carryOutAll(pending);
            }
            if (failing) {
                failing = false;
                LOG.info("control requests readable again");
            }
        } catch (RuntimeException | ExecutionException e) {
            if (!failing) {
                failing = true; // said once, not every poll of an outage
                LOG.warn("reading control requests failed (retrying every {} ms): {}", pollMs, e.toString());
            }
        }
    }

    private void carryOutAll(List<ControlRequest> pending) throws InterruptedException, ExecutionException {
        Map<Long, StoredGrid> stored = new HashMap<>();
        db.configs().list().forEach(g -> stored.put(g.id(), g));
        // Grids are independent: their requests are carried out side by side, each grid's in order.
        Map<Long, List<ControlRequest>> byGrid = new LinkedHashMap<>();
        pending.forEach(r -> byGrid.computeIfAbsent(r.configId(), k -> new ArrayList<>()).add(r));
        List<Future<?>> work = new ArrayList<>();
        byGrid.forEach((id, requests) -> work.add(adapterCalls.submit(() -> {
            StoredGrid grid = stored.get(id);
            for (ControlRequest request : requests) {
                if (grid == null) {
                    db.runtime().acknowledge(request.id(), "no such grid", Settlement.REFUSED, clock.getAsLong());
                } else if (!handle(grid, request)) {
                    break; // another daemon holds the grid: its requests are that daemon's to answer
                }
            }
        })));
        for (var w : work) {
            w.get();
        }
    }

    /** Carries out a request for a grid this daemon holds or may take; false when another daemon holds it. */
    private boolean handle(StoredGrid grid, ControlRequest request) {
        HostedGrid hosted = hosting.get(grid.id());
        if (hosted == null && leases.heldElsewhere(grid.id())) {
            return false;
        }
        boolean claimedNow = false;
        GridStatus takeOver = null;
        if (request.action() == Control.START && hosted == null) {
            if (!leases.claim(grid.id())) {
                return false; // another daemon took it a moment ago
            }
            claimedNow = true;
        } else if (hosted == null) {
            // A grid whose host died may still have orders resting: it is taken here, so that the request acts
            // on it instead of being refused while the grid waits, or trades on unasked. The lease is claimed
            // before the request is taken, so of two daemons only one takes either.
            Optional<GridLease> unheld = leases.unheld(grid.id()).filter(l -> takesOver(request.action(), l.status()));
            if (unheld.isPresent()) {
                if (!leases.claim(grid.id())) {
                    return false;
                }
                claimedNow = true;
                takeOver = unheld.get().status();
            } else if (leases.heldElsewhere(grid.id())) {
                return false; // taken over by another daemon since the first look
            }
        }
        if (!db.runtime().acknowledge(request.id(), "taken by " + owner, Settlement.TAKEN, clock.getAsLong())) {
            if (claimedNow) {
                hosting.release(grid.id()); // expired, or answered elsewhere: nothing is done
            }
            return true;
        }
        ControlAnswer answer;
        if (takeOver != null) {
            hosting.resume(grid, takeOver);
            hosted = hosting.get(grid.id());
            answer = hosted == null ? ControlAnswer.refused("cannot " + request.action().name().toLowerCase(Locale.ROOT)
                    + " on " + owner + " now: its host was gone and the grid's venue did not open here; nothing done")
                    : request.action() == Control.RESUME ? ControlAnswer.resumedAfterTakeover(owner)
                    : carryOut(grid, hosted, request);
        } else {
            answer = carryOut(grid, hosted, request);
        }
        if (answer != null) {
            db.runtime().settle(request.id(), answer.text(), answer.settlement(), clock.getAsLong());
            LOG.info("grid {}: {} ({} asked)", grid.config().name(), answer.text(), request.requestedBy());
        }
        return true;
    }

    /**
     * Whether a request takes over a grid recorded in {@code status} whose host is gone: a stop always (what
     * rests must be cancelled), a pause of a grid that would otherwise be resumed trading, a resume of a grid
     * that was paused or in safe mode (restarting it is the resume).
     */
    private static boolean takesOver(Control action, GridStatus status) {
        return switch (action) {
            case STOP -> true;
            case PAUSE -> status == GridStatus.RUNNING || status == GridStatus.INITIALIZING;
            case RESUME -> status == GridStatus.PAUSED || status == GridStatus.SAFE_MODE;
            case START -> false;
        };
    }

    /** The request's answer, or {@code null} for a start whose answer waits for its grid to run or end. */
    private ControlAnswer carryOut(StoredGrid grid, HostedGrid hosted, ControlRequest request) {
        if (hosted != null && !leases.mayTrade(grid.id())) {
            return ControlAnswer.refused("cannot " + request.action().name().toLowerCase(Locale.ROOT) + " on "
                    + owner + " now: its lease on the grid is not renewed (is the database reachable?); nothing done");
        }
        if (request.action() != Control.START) {
            if (hosted == null) {
                return ControlAnswer.refused("not running on " + owner);
            }
            hosted.engine().pump(); // what the grid was asked before (a resume's start) counts in its status
            GridStatus before = hosted.engine().view().status();
            hosted.engine().control(request.action());
            hosted.engine().pump();
            return ControlAnswer.afterControl(request.action(), before, hosted.engine().view().status(), owner);
        }
        if (hosted != null && hosted.engine().view().status() != GridStatus.STOPPED) {
            return ControlAnswer.startOfLive(hosted.engine().view().status(), owner,
                    !hosted.stored().config().equals(grid.config()));
        }
        Optional<String> holder = db.configs().holderAgainst(grid.config(), grid.id());
        if (holder.isPresent()) {
            if (hosted == null) {
                hosting.release(grid.id());
            }
            return ControlAnswer.refused("cannot start: " + ConfigGuardException.symbolHeld(holder.get(),
                    grid.config().exchange(), grid.config().symbol()).getMessage());
        }
        if (hosted != null) {
            hosting.unhost(hosted, false); // stopped: hosted anew below, so the start runs the configuration stored now
        }
        return start(grid, request);
    }

    private ControlAnswer start(StoredGrid grid, ControlRequest request) {
        try {
            long at = clock.getAsLong();
            GridEngine engine = hosting.host(grid).engine();
            engine.control(Control.START);
            engine.pump();
            Optional<ControlAnswer> now = ControlAnswer.afterStart(engine.view(), owner, at);
            if (now.isPresent()) {
                return now.get();
            }
            starts.watch(request.id(), grid.id(), engine, at);
            return null;
        } catch (VenueUnavailableException e) {
            hosting.release(grid.id());
            ControlAnswer refused = ControlAnswer.refused("cannot start on " + owner + ": " + e.getMessage());
            LOG.error("grid {}: {}", grid.config().name(), refused.text());
            return refused;
        } catch (RuntimeException e) {
            // Taken but failed on the way where nothing more precise caught it (an adapter breaking the SPI's
            // contract in a call not foreseen): the start is answered with the reason and the grid given up,
            // rather than left taken and unanswered while the polling reports a failure of its own.
            HostedGrid half = hosting.get(grid.id());
            if (half != null) {
                hosting.unhost(half, true);
            }
            hosting.release(grid.id());
            ControlAnswer refused = ControlAnswer.refused("cannot start on " + owner + ": the start failed ("
                    + VenueUnavailableException.reason(e) + "); the grid is not hosted here, the daemon's log has why");
            LOG.error("grid {}: {}", grid.config().name(), refused.text(), e);
            return refused;
        }
    }
}
