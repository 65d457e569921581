package io.gridbot.core.machine;

import io.gridbot.core.config.PositionMode;
import io.gridbot.core.risk.PositionLegs;
import io.gridbot.core.command.GridCommand;
import io.gridbot.core.config.GridConfig;
import io.gridbot.core.level.Level;
import io.gridbot.core.spacing.GridLadder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The grid's lines: the ladder, the stop-loss rule built on it, one {@link Slot} per line, and which lines
 * changed during the current event (each changed line is published once, at its end).
 */
final class Lines {

    private final Grid g;
    private GridLadder ladder;
    private StopLossRule stopRule;
    private Slot[] slots = new Slot[0];
    private final BitSet dirty = new BitSet();
    private long edits;

    Lines(Grid g) {
        this.g = g;
    }

    /** The ladder, or {@code null} before it is built. */
    GridLadder ladder() {
        return ladder;
    }

    StopLossRule stopRule() {
        return stopRule;
    }

    Slot[] slots() {
        return slots;
    }

    Slot slot(int line) {
        return slots[line];
    }

    int count() {
        return slots.length;
    }

    /** Whether a saved ladder still fits the configuration. */
    boolean fits(GridLadder saved) {
        GridConfig config = g.config;
        if (saved.size() != config.levels()) {
            return false;
        }
        if (config.spacing().needsMarketPrice()) {
            return saved.prices().stream().allMatch(config.rules()::onTick);
        }
        try {
            return GridLadder.build(config.spacing(), config.lowerPrice(), config.upperPrice(), config.levels(),
                    config.rules().tickSize(), null).sameLines(saved);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    void buildLadder(BigDecimal marketPrice) {
        GridConfig config = g.config;
        install(GridLadder.build(config.spacing(), config.lowerPrice(), config.upperPrice(), config.levels(),
                config.rules().tickSize(), marketPrice));
        g.out.add(new GridCommand.LadderBuilt(ladder));
        g.out.info("grid built: " + ladder.size() + " lines from " + ladder.lowest().toPlainString()
                + " to " + ladder.highest().toPlainString() + ", stop-loss below "
                + stopRule.lowerStop().stripTrailingZeros().toPlainString() + " or above "
                + stopRule.upperStop().stripTrailingZeros().toPlainString());
        dirty.set(0, slots.length);
    }

    void install(GridLadder built) {
        // Every price leaves at the tick's scale: keys compare equal and venues see no stray digits.
        int scale = Math.max(g.config.rules().tickSize().stripTrailingZeros().scale(), 0);
        built = new GridLadder(built.prices().stream().map(p -> p.setScale(scale, RoundingMode.UNNECESSARY)).toList());
        ladder = built;
        stopRule = new StopLossRule(built, g.config.stopLossBufferPct(), g.config.rules());
        int n = built.size();
        slots = new Slot[n];
        for (int i = 0; i < n; i++) {
            slots[i] = new Slot(i, built.levelIndex(i), built.price(i), i > 0 ? built.price(i - 1) : null,
                    i < n - 1 ? built.price(i + 1) : null);
        }
        g.sync.ladderInstalled();
    }

    /** Restores the saved levels that still sit on a line of the installed ladder. */
    void restore(List<Level> levels) {
        for (Level level : levels) {
            if (level.line() >= 0 && level.line() < ladder.size()
                    && ladder.price(level.line()).compareTo(level.price()) == 0) {
                slots[level.line()].restoreSaved(level);
            }
        }
    }

    /** Replaces every slot with a fresh one holding the reconciled level; orders are attached afterwards. */
    void rebuildFrom(List<Level> reconciled) {
        for (int i = 0; i < slots.length; i++) {
            Slot fresh = new Slot(i, slots[i].levelIndex, slots[i].price, i > 0 ? slots[i - 1].price : null,
                    i < slots.length - 1 ? slots[i + 1].price : null);
            fresh.restoreFrom(reconciled.get(i));
            slots[i] = fresh;
        }
    }

    /** After a flattening: every line idle, no cool-down left. */
    void resetAll() {
        for (Slot slot : slots) {
            slot.reset();
            slot.blockedUntilMs = 0;
        }
        dirty.set(0, slots.length);
    }

    List<Level> levels() {
        List<Level> levels = new ArrayList<>(slots.length);
        for (Slot slot : slots) {
            levels.add(slot.toLevel());
        }
        return levels;
    }

    /** The net position the lines hold. */
    PositionLegs legs(PositionMode mode) {
        PositionLegs legs = PositionLegs.FLAT;
        for (Slot slot : slots) {
            if (slot.openQty().signum() > 0) {
                legs = legs.plus(mode.leg(slot.entrySide()), slot.signedPosition());
            }
        }
        return legs;
    }

    void changed(int line) {
        dirty.set(line);
        edits++;
    }

    void allChanged() {
        dirty.set(0, slots.length);
        edits++;
    }

    /** Counts every change to a line as it happens, not when it is published: a sync may run in between. */
    long edits() {
        return edits;
    }

    /** Publishes every line that changed during the event. */
    void flushChanged() {
        if (!dirty.isEmpty()) {
            g.sync.noteChange();
        }
        for (int i = dirty.nextSetBit(0); i >= 0 && i < slots.length; i = dirty.nextSetBit(i + 1)) {
            g.out.add(new GridCommand.LevelChanged(slots[i].toLevel()));
        }
        dirty.clear();
    }
}
