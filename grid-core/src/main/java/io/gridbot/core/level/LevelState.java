package io.gridbot.core.level;

/** The four states of a grid level. */
public enum LevelState {
    /** No order and no position: may receive an entry. */
    IDLE,
    /** An entry rests (possibly partly filled). */
    ENTRY_WORKING,
    /** The entry filled; its exit is not resting yet (cool-down, pause, or about to be placed). */
    POSITION_OPEN,
    /** The exit rests one line away. */
    EXIT_WORKING
}
