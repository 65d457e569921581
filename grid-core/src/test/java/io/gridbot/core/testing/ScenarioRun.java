package io.gridbot.core.testing;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.level.Level;
import io.gridbot.core.machine.GridView;
import io.gridbot.core.order.Side;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.status.GridStatus;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Plays a {@link Scenario} against a {@link Core} and a {@link VenueFeed}: each step's events are
 * delivered one at a time, the core's order commands executed on the paper venue and its answers fed back
 * until nothing is left. Persists the ladder and levels from the commands, as the runner does, so that a
 * restart restores a new core from them. Ends with a settling phase: the venue behaves, the streams
 * reconnect, a paused grid resumes, time passes and a final resynchronisation runs.
 *
 * <p>Every delivery is recorded per incarnation (one core's life between restarts), so the run can be
 * replayed. An {@link AssertionError} thrown by the core or an observer is re-thrown with the step, the
 * event and the delivery number in front of its message.
 */
public final class ScenarioRun {

    /** Sees every delivery and every settled step; assertions thrown here get the run's context. */
    public interface Observer {

        default void delivered(ScenarioRun run, GridEvent event, List<GridCommand> out) {
        }

        default void settled(ScenarioRun run) {
        }

        /** The run is over: after its last step the venue behaved and minutes passed with nothing else happening. */
        default void finished(ScenarioRun run) {
        }
    }

    /** One core's life: how it was made and what it saw and said. */
    public record Incarnation(boolean restored, GridLadder ladder, List<Level> levels, List<GridEvent> events,
            List<List<GridCommand>> outputs) {
    }

    private static final long START_MS = 1_000_000;

    private final Scenario scenario;
    private final GridConfig config;
    private final Core.Factory factory;
    private final VenueFeed feed;
    private final Deque<GridEvent> inbox = new ArrayDeque<>();
    private final List<Incarnation> incarnations = new ArrayList<>();
    private final Map<Integer, Level> savedLevels = new TreeMap<>();
    private Observer observer = new Observer() {
    };
    private Core core;
    private GridLadder savedLadder;
    private long now = START_MS;
    private long priceTicks;
    private int stepIndex = -1;
    private Step step;
    private int deliveries;

    public ScenarioRun(Scenario scenario, Core.Factory factory) {
        this.scenario = scenario;
        this.config = scenario.config();
        this.factory = factory;
        this.priceTicks = scenario.startTicks();
        this.feed = new VenueFeed(config, price());
    }

    public ScenarioRun observe(Observer value) {
        this.observer = value;
        return this;
    }

    /** Starts the grid, plays every step, then settles. */
    public ScenarioRun play() {
        core = factory.create(config);
        incarnations.add(new Incarnation(false, null, List.of(), new ArrayList<>(), new ArrayList<>()));
        inbox.add(new GridEvent.ControlRequested(now, Control.START));
        inbox.add(new GridEvent.PriceTick(now, price()));
        settle(0);
        for (Step s : scenario.steps()) {
            stepIndex++;
            step = s;
            apply(s);
            inbox.addAll(feed.dueAnswers(now)); // slow answers arrive after the step's own events
            settle(0);
        }
        stepIndex++;
        step = null;
        settleAtEnd();
        try {
            observer.finished(this);
        } catch (AssertionError failure) {
            throw new AssertionError(where(null) + failure.getMessage(), failure);
        }
        return this;
    }

    private void apply(Step s) {
        long spacing = scenario.shape().spacingTicks();
        switch (s) {
            case Step.Move m -> {
                now += m.dtMs();
                moveBy(m.quarters());
                market(m.partial());
                settle(m.shuffle());
            }
            case Step.Gap g -> {
                now += g.dtMs();
                long beyond = 200 + g.extraLines() * spacing; // past the 1 % stop-loss buffer
                priceTicks = g.up() ? scenario.upperTicks() + beyond : Scenario.LOWER_TICKS - beyond;
                market(0);
                settle(0);
            }
            case Step.Wait w -> {
                now += w.dtMs();
                send(new GridEvent.TimerTick(now));
            }
            case Step.RejectCreates r -> feed.venue().rejectNextCreates(kinds(r.kind(), r.count()));
            case Step.TimeOutCreates t -> feed.venue().timeOutNextCreatesButPlaceThem(t.count());
            case Step.RejectCancels r -> feed.venue().rejectNextCancels(kinds(r.kind(), r.count()));
            case Step.VenueCancels v -> {
                inbox.addAll(feed.venueCancels(v.which(), now));
                settle(0);
            }
            case Step.LoseEvents l -> feed.loseNext(l.count());
            case Step.SlowSnapshot w -> feed.slowNextSnapshot(w.steps());
            case Step.WrongPosition w -> send(new GridEvent.PositionUpdate(now,
                    feed.venue().position().add(Scenario.STEP.multiply(BigDecimal.valueOf(w.offsetSteps())))));
            case Step.Stream h -> send(new GridEvent.StreamHealth(now, h.state(), h.attempt()));
            case Step.Operator o -> send(new GridEvent.ControlRequested(now, o.control()));
            case Step.ShellFault f -> {
                feed.failPending();
                send(new GridEvent.Fault(now, "injected: the shell failed"));
            }
            case Step.RecoverHistory h -> send(feed.recovered(h.count(), now));
            case Step.ForeignOrder f -> {
                // A closePosition stop closes the account's whole position, other grids' shares included, so
                // a grid with a protective stop shares its symbol with no other grid here.
                if (!f.anotherGrid() || !config.protectiveStop()) {
                    long away = Math.max(1, (long) f.quartersAway() * spacing / 4);
                    inbox.addAll(feed.placeForeign(f.anotherGrid(), f.buy() ? Side.BUY : Side.SELL, priceTicks,
                            away, now));
                    settle(0);
                }
            }
            case Step.Restart r -> restart(r.lost());
            case Step.Crash c -> {
                now += 500;
                moveBy(c.quarters());
                market(0);
                settle(0, c.afterDeliveries());
                inbox.clear(); // the answers in flight die with the process
                restart(c.lost());
            }
        }
    }

    private static ExchangeErrorKind[] kinds(ExchangeErrorKind kind, int count) {
        return Collections.nCopies(count, kind).toArray(ExchangeErrorKind[]::new);
    }

    /** The walk stays near the band; only gaps leave it far behind. */
    private void moveBy(int quarters) {
        long spacing = scenario.shape().spacingTicks();
        long room = 400 + 3 * spacing;
        priceTicks = Math.clamp(priceTicks + quarters * spacing / 4, Scenario.LOWER_TICKS - room,
                scenario.upperTicks() + room);
    }

    /** The market trades at the current price, then the core sees the price and a timer tick. */
    private void market(int partialSeed) {
        Random partial = partialSeed == 0 ? null : new Random(partialSeed);
        inbox.addAll(feed.trade(price(), now, (order, remaining) -> partial == null ? remaining
                : partialOf(partial, remaining)));
        inbox.add(new GridEvent.PriceTick(now, price()));
        inbox.add(new GridEvent.TimerTick(now));
    }

    private static BigDecimal partialOf(Random random, BigDecimal remaining) {
        if (random.nextInt(3) == 0) {
            return remaining;
        }
        int steps = remaining.divide(Scenario.STEP).intValue();
        return Scenario.STEP.multiply(BigDecimal.valueOf(1 + random.nextInt(Math.max(1, steps))));
    }

    /** A new process: the core is restored from what survived and started if it was running. */
    private void restart(Step.Lost lost) {
        boolean wasRunning = core.view().status() != GridStatus.STOPPED;
        List<Level> levels = lost == Step.Lost.NOTHING || lost == Step.Lost.LADDER_STALE
                ? List.copyOf(savedLevels.values()) : List.of();
        GridLadder ladder = switch (lost) {
            case NOTHING, LEVELS -> savedLadder;
            case LADDER_AND_LEVELS -> null;
            // One line short: it no longer fits the configuration's count.
            case LADDER_STALE -> savedLadder == null ? null
                    : new GridLadder(savedLadder.prices().subList(0, savedLadder.prices().size() - 1));
        };
        // What was lost stays lost: the next restart finds the same store.
        if (lost != Step.Lost.NOTHING && lost != Step.Lost.LADDER_STALE) {
            savedLevels.clear();
        }
        savedLadder = ladder;
        feed.reconnect();
        core = factory.restore(config, ladder, levels);
        incarnations.add(new Incarnation(true, ladder, levels, new ArrayList<>(), new ArrayList<>()));
        now += 1_000;
        if (wasRunning) {
            inbox.add(new GridEvent.ControlRequested(now, Control.START));
            inbox.add(new GridEvent.PriceTick(now, price()));
            settle(0);
        }
    }

    /**
     * The venue behaves, the market ticks, streams reconnect, the grid resumes, time passes and the venue is asked
     * again. The tick matters after a restart: a restored core knows no price until the market speaks, and a real
     * market always does.
     */
    private void settleAtEnd() {
        inbox.addAll(feed.behave(now));
        inbox.add(new GridEvent.PriceTick(now, price()));
        send(new GridEvent.StreamHealth(now, StreamState.CONNECTED, 0));
        GridStatus status = core.view().status();
        if (status == GridStatus.PAUSED || status == GridStatus.SAFE_MODE) {
            send(new GridEvent.ControlRequested(now, Control.RESUME));
        }
        passTime();
        if (core.view().status().isActive()) {
            send(new GridEvent.StreamHealth(now, StreamState.DISCONNECTED, 0));
            send(new GridEvent.StreamHealth(now, StreamState.CONNECTED, 0));
            passTime();
        }
    }

    /** Six minutes: longer than the longest wait between two retries of a refused cancel. */
    private void passTime() {
        for (int i = 0; i < 24; i++) {
            now += 15_000;
            send(new GridEvent.TimerTick(now));
        }
    }

    private void send(GridEvent event) {
        inbox.add(event);
        settle(0);
    }

    /** After {@link #play}: time passes by {@code dtMs}; returns what the core said to the timer tick itself. */
    public List<GridCommand> timer(long dtMs) {
        now += dtMs;
        List<GridCommand> out = deliver(new GridEvent.TimerTick(now));
        inbox.addAll(feed.answers(out, now));
        settle(0);
        return out;
    }

    private void settle(int shuffle) {
        settle(shuffle, Integer.MAX_VALUE);
    }

    /** Delivers until nothing is left, or until {@code limit} deliveries were made. */
    private void settle(int shuffle, int limit) {
        Random random = shuffle == 0 ? null : new Random(shuffle);
        int count = 0;
        while (!inbox.isEmpty() && count < limit) {
            if (++count > 50_000) {
                throw new AssertionError(where(null) + "the machine and the venue do not settle");
            }
            GridEvent event = inbox.poll();
            if (random != null && !inbox.isEmpty() && random.nextInt(8) == 0) {
                GridEvent next = inbox.poll(); // overtaken by the next event
                inbox.addFirst(event);
                event = next;
            }
            if (random != null && random.nextInt(12) == 0) {
                inbox.addLast(event); // delivered again later
            }
            inbox.addAll(feed.answers(deliver(event), now));
        }
        try {
            observer.settled(this);
        } catch (AssertionError failure) {
            throw new AssertionError(where(null) + failure.getMessage(), failure);
        }
    }

    private List<GridCommand> deliver(GridEvent event) {
        deliveries++;
        try {
            List<GridCommand> out = core.on(event);
            Incarnation life = incarnations.getLast();
            life.events().add(event);
            life.outputs().add(out);
            persist(out);
            observer.delivered(this, event, out);
            return out;
        } catch (AssertionError failure) {
            throw new AssertionError(where(event) + failure.getMessage(), failure);
        }
    }

    private void persist(List<GridCommand> out) {
        for (GridCommand c : out) {
            switch (c) {
                case GridCommand.LadderBuilt b -> savedLadder = b.ladder();
                case GridCommand.LevelChanged l -> savedLevels.put(l.level().line(), l.level());
                default -> {
                }
            }
        }
    }

    private String where(GridEvent event) {
        String at = step == null ? (stepIndex < 0 ? "the start" : "the final settling") : step.toString();
        return "at step " + stepIndex + " of " + scenario.steps().size() + " (" + at + "), delivery #" + deliveries
                + (event == null ? "" : " of " + event) + ":\n";
    }

    public BigDecimal price() {
        return Scenario.TICK.multiply(BigDecimal.valueOf(priceTicks));
    }

    public GridView view() {
        return core.view();
    }

    public PaperVenue venue() {
        return feed.venue();
    }

    /** The venue as the shell delivers it: other grids' share, lost and slow events. */
    public VenueFeed feed() {
        return feed;
    }

    public GridConfig config() {
        return config;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Every core's life, oldest first. */
    public List<Incarnation> incarnations() {
        return incarnations;
    }
}
