package io.gridbot.core.order;

/**
 * A set of order keys for one diff: open addressing over two arrays, so a sync's diff allocates two arrays
 * instead of a node per order. Keys are compared as {@link OrderKey#equals} does, prices by scale too.
 */
final class KeyTable {

    private final OrderKey[] keys;
    private final int mask;

    KeyTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new OrderKey[capacity];
        mask = capacity - 1;
    }

    /** Adds the key; false when it was there already. */
    boolean add(OrderKey key) {
        int i = slot(key);
        if (keys[i] != null) {
            return false;
        }
        keys[i] = key;
        return true;
    }

    boolean contains(OrderKey key) {
        return keys[slot(key)] != null;
    }

    /** Where the key is, or the free place it would take. */
    private int slot(OrderKey key) {
        int h = key.hashCode();
        int i = (h ^ (h >>> 16)) & mask;
        while (keys[i] != null && keys[i] != key && !keys[i].equals(key)) {
            i = (i + 1) & mask;
        }
        return i;
    }
}
