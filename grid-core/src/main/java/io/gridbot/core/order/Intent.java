package io.gridbot.core.order;

/** Why a grid order exists: to open a position at a level, or to close it one level away. */
public enum Intent {
    /** Opens exposure at a level; never reduce-only. */
    ENTRY,
    /** Closes the exposure of a filled entry; always reduce-only. */
    EXIT
}
