package org.xtalkit.spots;

import java.util.Arrays;

/** A growable int array for the hot loops of spot finding (no boxing). */
final class IntList {
    int[] data;
    int size;

    IntList(int capacity) { data = new int[Math.max(capacity, 4)]; }
    IntList() { this(16); }

    void add(int v) {
        if (size == data.length) data = Arrays.copyOf(data, data.length * 2);
        data[size++] = v;
    }

    void clear() { size = 0; }

    int[] toArray() { return Arrays.copyOf(data, size); }
}
