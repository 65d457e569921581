package io.gridbot.core.testing;

import io.gridbot.core.command.GridCommand;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.event.GridEvent;
import io.gridbot.core.machine.GridMachine;
import io.gridbot.core.machine.GridView;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Wires a {@link GridMachine} to a {@link PaperVenue}: each event's commands are executed and the venue's
 * answers fed back until nothing is left, recording every command. Time moves only when a test says so.
 */
public final class GridDriver {

    public final GridMachine machine;
    public final PaperVenue venue;
    public final List<GridCommand> commands = new ArrayList<>();
    /** Every event the machine received, in order: replaying them into a new machine repeats the run. */
    public final List<GridEvent> delivered = new ArrayList<>();
    private static final ThreadLocal<Map<GridDriver, GridConfig>> STARTED = new ThreadLocal<>();
    private final Deque<GridEvent> inbox = new ArrayDeque<>();
    private long nowMs;
    private boolean autoExecute = true;

    public GridDriver(GridMachine machine, BigDecimal initialPrice, long startMs) {
        this(machine, new PaperVenue(machine.config().rules(), initialPrice), startMs);
    }

    private GridDriver(GridMachine machine, PaperVenue venue, long startMs) {
        this.machine = machine;
        this.venue = venue;
        this.nowMs = startMs;
    }

    /** A driver for a machine that takes over an existing venue, as a restarted process does. */
    public static GridDriver on(GridMachine machine, PaperVenue venue, long startMs) {
        return new GridDriver(machine, venue, startMs);
    }

    /**
     * Runs {@code body} and returns every driver {@link #started} made during it, with its configuration:
     * their machines were made by {@code GridMachine.create}, so their delivered events can be replayed.
     */
    public static Map<GridDriver, GridConfig> recordingStarted(Runnable body) {
        Map<GridDriver, GridConfig> started = new LinkedHashMap<>();
        STARTED.set(started);
        try {
            body.run();
        } finally {
            STARTED.remove();
        }
        return started;
    }

    public static GridDriver started(GridConfig config, BigDecimal price) {
        GridDriver driver = new GridDriver(GridMachine.create(config), price, 1_000_000L);
        Map<GridDriver, GridConfig> recording = STARTED.get();
        if (recording != null) {
            recording.put(driver, config);
        }
        driver.send(new GridEvent.ControlRequested(driver.nowMs, GridEvent.Control.START));
        driver.price(price);
        return driver;
    }

    /** Stops executing commands on the venue: the test inspects them instead. */
    public GridDriver manual() {
        autoExecute = false;
        return this;
    }

    public long now() {
        return nowMs;
    }

    public GridDriver advance(long ms) {
        nowMs += ms;
        return send(new GridEvent.TimerTick(nowMs));
    }

    /** The market trades at this price: fills what it reaches, then the machine sees the price. */
    public GridDriver price(BigDecimal price) {
        return price(price, (order, remaining) -> remaining);
    }

    public GridDriver price(BigDecimal price, BiFunction<PaperVenue.Resting, BigDecimal, BigDecimal> partial) {
        inbox.addAll(venue.trade(price, nowMs, partial));
        inbox.add(new GridEvent.PriceTick(nowMs, price));
        return drain();
    }

    public GridDriver price(String price) {
        return price(new BigDecimal(price));
    }

    /** Delivers one event and everything that follows from it. */
    public GridDriver send(GridEvent event) {
        inbox.add(event);
        return drain();
    }

    /** Delivers an event without draining the venue's answers; returns the machine's commands. */
    public List<GridCommand> deliver(GridEvent event) {
        delivered.add(event);
        List<GridCommand> out = machine.on(event);
        commands.addAll(out);
        return out;
    }

    private GridDriver drain() {
        int guard = 0;
        while (!inbox.isEmpty()) {
            if (++guard > 100_000) {
                throw new IllegalStateException("the machine and the venue do not settle");
            }
            List<GridCommand> out = deliver(inbox.poll());
            if (autoExecute) {
                inbox.addAll(venue.execute(out, nowMs));
            }
        }
        return this;
    }

    public GridView view() {
        return machine.view();
    }

    /** Commands of one type recorded so far. */
    public <T extends GridCommand> List<T> recorded(Class<T> type) {
        return commands.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public GridDriver clearRecorded() {
        commands.clear();
        return this;
    }
}
