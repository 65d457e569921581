package io.gridbot.runner.soak;

import io.gridbot.exchange.binance.fake.FakeBinance;
import io.gridbot.exchange.binance.fake.FakeFaults.Answer;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Applies a schedule's faults when the simulated clock reaches them, and ends the ones that last when their
 * time is up: streams, the venue's answers and events, the market's sizes, the daemons' database paths and the
 * daemons themselves. Keeps count of what it injected.
 */
final class FaultInjector {

    /** Something to do at a simulated time. */
    private record Step(long atMs, long order, String what, Action action) {
    }

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private final FakeBinance venue;
    private final SoakMarket market;
    private final List<SoakDaemon> daemons;
    private final java.util.function.IntSupplier busiest;
    private final SoakPlan plan;
    private final PriorityQueue<Step> steps = new PriorityQueue<>((a, b) -> a.atMs != b.atMs
            ? Long.compare(a.atMs, b.atMs) : Long.compare(a.order, b.order));
    private final Map<Fault.Kind, Integer> injected = new EnumMap<>(Fault.Kind.class);
    private long order;

    /** @param busiest the index of the daemon holding the most grids now: a partition cuts that one off */
    FaultInjector(SoakPlan plan, FakeBinance venue, SoakMarket market, List<SoakDaemon> daemons,
            java.util.function.IntSupplier busiest, FaultSchedule schedule) {
        this.plan = plan;
        this.venue = venue;
        this.market = market;
        this.daemons = daemons;
        this.busiest = busiest;
        schedule.faults().forEach(f -> at(f.atMs(), f.kind().name(), () -> start(f)));
    }

    /** Adds a step of the harness's own (a checkpoint) at a simulated time. */
    void at(long atMs, String what, Action action) {
        steps.add(new Step(atMs, order++, what, action));
    }

    /** The simulated time of the next step, or -1 when none is left. */
    long nextAtMs() {
        Step next = steps.peek();
        return next == null ? -1 : next.atMs;
    }

    /** Runs every step due by the simulated time {@code simMs}. */
    void runDue(long simMs) throws Exception {
        while (!steps.isEmpty() && steps.peek().atMs <= simMs) {
            steps.poll().action.run();
        }
    }

    /** How many faults of each kind were injected. */
    Map<Fault.Kind, Integer> injected() {
        return Map.copyOf(injected);
    }

    private void start(Fault fault) throws Exception {
        injected.merge(fault.kind(), 1, Integer::sum);
        switch (fault) {
            case Fault.StreamDrop f -> venue.dropStreams();
            case Fault.FailingReconnect f -> {
                venue.faults().refuseStreamConnects(daemons.size()); // a first reconnect fails, the next one holds
                venue.dropStreams();
            }
            case Fault.StreamStall f -> {
                daemons.forEach(d -> d.stallStreams(true));
                at(f.atMs() + f.forMs(), "stall over", () -> daemons.forEach(d -> d.stallStreams(false)));
            }
            case Fault.RateLimitStorm f -> venue.faults().tooManyRequestsFor(plan.realMs(f.forMs()), 1);
            case Fault.ServerErrors f -> {
                for (int i = 0; i < f.creates(); i++) {
                    venue.faults().answerNextCreate(new Answer(503, null, "Service Unavailable", false));
                }
            }
            case Fault.UnknownOutcome f -> venue.faults()
                    .answerNextCreate(new Answer(502, null, "<html><body>502 Bad Gateway</body></html>", true))
                    .answerNextCreate(new Answer(503, -1006,
                            "An unexpected response was received from the message bus. Execution status unknown.", true))
                    .slowAnswers(1, 11_000); // past the 10-s request timeout: the request took effect, its answer is lost
            case Fault.PartialFills f -> market.partialFillsUntil(f.atMs() + f.forMs());
            case Fault.DuplicatedEvents f -> venue.faults().duplicateUserEvents(f.events());
            case Fault.ReorderedEvents f -> venue.faults().reorderUserEvents(f.events());
            case Fault.DatabaseOutage f -> {
                for (SoakDaemon d : daemons) {
                    d.cutDatabase();
                }
                at(f.atMs() + f.forMs(), "database back", () -> {
                    for (SoakDaemon d : daemons) {
                        d.restoreDatabase();
                    }
                });
            }
            case Fault.Kill f -> {
                SoakDaemon d = daemons.get(f.daemon());
                d.kill();
                d.start();
            }
            case Fault.Partition f -> {
                SoakDaemon d = daemons.get(busiest.getAsInt());
                d.cutDatabase();
                at(f.atMs() + f.forMs(), "partition over", d::restoreDatabase);
            }
        }
    }

    /** Ends whatever is still cut or stalled, so that the run can settle. */
    void endAll() throws IOException {
        while (!steps.isEmpty()) {
            Step s = steps.poll();
            if (s.what.endsWith("over") || s.what.endsWith("back")) {
                try {
                    s.action.run();
                } catch (Exception e) {
                    throw new IOException("could not end " + s.what, e);
                }
            }
        }
    }
}
