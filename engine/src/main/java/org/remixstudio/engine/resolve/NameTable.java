package org.remixstudio.engine.resolve;

import java.util.Arrays;

/**
 * Names numbered in the order they were first added, as apt's cache generator numbers the packages
 * it meets. Open addressing on {@link String#hashCode} (cached in the strings, which the catalog
 * shares between entries) with plain {@code int} IDs: building apt's view of a whole archive looks
 * up about a million names, and a {@code HashMap<String, Integer>} spent most of that time boxing and
 * allocating nodes. Not thread-safe while being filled; read-only afterwards.
 */
final class NameTable {

    private String[] names;
    /** ID + 1 of the name in each slot; 0 marks an empty slot. */
    private int[] slots;
    private int mask;
    private int size;

    NameTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        slots = new int[capacity];
        mask = capacity - 1;
        names = new String[Math.max(16, expected)];
    }

    int size() {
        return size;
    }

    String name(int id) {
        if (id >= size) {
            throw new IndexOutOfBoundsException(id);
        }
        return names[id];
    }

    /** The ID of a name, or -1 when it was never added. */
    int id(String name) {
        int i = spread(name.hashCode()) & mask;
        while (true) {
            int slot = slots[i];
            if (slot == 0) {
                return -1;
            }
            String s = names[slot - 1];
            if (s == name || s.equals(name)) {
                return slot - 1;
            }
            i = (i + 1) & mask;
        }
    }

    /** The ID of a name, adding it with the next free ID when it is new. */
    int add(String name) {
        int i = spread(name.hashCode()) & mask;
        while (true) {
            int slot = slots[i];
            if (slot == 0) {
                break;
            }
            String s = names[slot - 1];
            if (s == name || s.equals(name)) {
                return slot - 1;
            }
            i = (i + 1) & mask;
        }
        int id = size++;
        if (id == names.length) {
            names = Arrays.copyOf(names, id * 2);
        }
        names[id] = name;
        slots[i] = id + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int m = bigger.length - 1;
        for (int id = 0; id < size; id++) {
            int i = spread(names[id].hashCode()) & m;
            while (bigger[i] != 0) {
                i = (i + 1) & m;
            }
            bigger[i] = id + 1;
        }
        slots = bigger;
        mask = m;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
