package io.gridbot.core.testing;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.event.GridEvent.StreamState;
import io.gridbot.core.fault.ExchangeErrorKind;
import io.gridbot.core.level.Level;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.machine.GridView;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.spacing.GridLadder;
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
 * Plays a {@link Scenario} against a {@link Core} and a {@link PaperVenue}: each step's events are
 * delivered one at a time, the core's order commands executed on the venue and its answers fed back until
 * nothing is left. Persists the ladder and levels from the commands, as the runner does, so that a restart
 * restores a new core from them. Ends with a settling phase: the venue behaves, the streams reconnect,
 * a paused grid resumes, time passes and a final resynchronisation runs.
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
    }

    /** One core's life: how it was made and what it saw and said. */
    public record Incarnation(boolean restored, GridLadder ladder, List<Level> levels, List<GridEvent> events,
            List<List<GridCommand>> outputs) {
    }

    private final Scenario scenario;
    private final GridConfig config;
    private final Core.Factory factory;
    private final PaperVenue venue;
    private final Deque<GridEvent> inbox = new ArrayDeque<>();
    private final List<Incarnation> incarnations = new ArrayList<>();
    private final Map<Integer, Level> savedLevels = new TreeMap<>();
    private Observer observer = new Observer() {
    };
    private Core core;
    private GridLadder savedLadder;
    private long now = 1_000_000;
    private long priceTicks;
    private int lose;
    private int stepIndex = -1;
    private Step step;
    private int deliveries;

    public ScenarioRun(Scenario scenario, Core.Factory factory) {
        this.scenario = scenario;
        this.config = scenario.config();
        this.factory = factory;
        this.priceTicks = scenario.startTicks();
        this.venue = new PaperVenue(config.rules(), price());
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
        }
        stepIndex++;
        step = null;
        settleAtEnd();
        return this;
    }

    private void apply(Step s) {
        long spacing = scenario.shape().spacingTicks();
        switch (s) {
            case Step.Move m -> {
                now += m.dtMs();
                long room = 400 + 3 * spacing; // the walk stays near the band; gaps leave it
                priceTicks = Math.clamp(priceTicks + m.quarters() * spacing / 4, Scenario.LOWER_TICKS - room,
                        scenario.upperTicks() + room);
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
            case Step.RejectCreates r -> venue.rejectNextCreates(Collections.nCopies(r.count(), r.kind())
                    .toArray(ExchangeErrorKind[]::new));
            case Step.TimeOutCreates t -> venue.timeOutNextCreatesButPlaceThem(t.count());
            case Step.VenueCancels v -> {
                List<PaperVenue.Resting> open = venue.openOrders();
                if (!open.isEmpty()) {
                    PaperVenue.Resting r = open.get(v.which() % open.size());
                    String id = r.request.clientOrderId();
                    GridCommand cancel = r.request.type() == OrderType.STOP_MARKET
                            ? new GridCommand.CancelProtectiveStop(config.symbol(), id)
                            : new GridCommand.CancelOrder(config.symbol(), id);
                    inbox.addAll(lossy(venue.execute(List.of(cancel), now)));
                    settle(0);
                }
            }
            case Step.LoseEvents l -> lose += l.count();
            case Step.WrongPosition w -> send(new GridEvent.PositionUpdate(now,
                    venue.position().add(Scenario.STEP.multiply(BigDecimal.valueOf(w.offsetSteps())))));
            case Step.Stream h -> send(new GridEvent.StreamHealth(now, h.state(), h.attempt()));
            case Step.Operator o -> send(new GridEvent.ControlRequested(now, o.control()));
            case Step.ShellFault f -> send(new GridEvent.Fault(now, "injected: the shell failed"));
            case Step.Restart r -> restart(r.levelsLost());
        }
    }

    /** The market trades at the current price, then the core sees the price and a timer tick. */
    private void market(int partialSeed) {
        Random partial = partialSeed == 0 ? null : new Random(partialSeed);
        inbox.addAll(lossy(venue.trade(price(), now, (order, remaining) -> partial == null ? remaining
                : partialOf(partial, remaining))));
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

    /** Drops the stream's next fill and position events while a loss is pending. */
    private List<GridEvent> lossy(List<GridEvent> events) {
        if (lose == 0) {
            return events;
        }
        List<GridEvent> kept = new ArrayList<>();
        for (GridEvent e : events) {
            if (lose > 0 && (e instanceof GridEvent.OrderUpdate || e instanceof GridEvent.PositionUpdate)) {
                lose--;
            } else {
                kept.add(e);
            }
        }
        return kept;
    }

    /** A new process: the core is restored from what was persisted and started if it was running. */
    private void restart(boolean levelsLost) {
        boolean wasRunning = core.view().status() != GridStatus.STOPPED;
        List<Level> levels = levelsLost ? List.of() : List.copyOf(savedLevels.values());
        core = factory.restore(config, savedLadder, levels);
        incarnations.add(new Incarnation(true, savedLadder, levels, new ArrayList<>(), new ArrayList<>()));
        lose = 0;
        now += 1_000;
        if (wasRunning) {
            inbox.add(new GridEvent.ControlRequested(now, Control.START));
            inbox.add(new GridEvent.PriceTick(now, price()));
            settle(0);
        }
    }

    /** The venue behaves, streams reconnect, the grid resumes, time passes and the venue is asked again. */
    private void settleAtEnd() {
        venue.behave();
        lose = 0;
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

    private void passTime() {
        for (int i = 0; i < 4; i++) {
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
        GridEvent tick = new GridEvent.TimerTick(now);
        List<GridCommand> out = deliver(tick);
        inbox.addAll(venue.execute(out, now));
        settle(0);
        return out;
    }

    private void settle(int shuffle) {
        Random random = shuffle == 0 ? null : new Random(shuffle);
        int guard = 0;
        while (!inbox.isEmpty()) {
            if (++guard > 50_000) {
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
            inbox.addAll(venue.execute(deliver(event), now));
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
        return venue;
    }

    public GridConfig config() {
        return config;
    }

    public long now() {
        return now;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Every core's life, oldest first. */
    public List<Incarnation> incarnations() {
        return incarnations;
    }
}
