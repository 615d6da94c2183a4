package org.xtalkit.spots;

import java.util.Arrays;

/** A growable int array for the hot loops of spot finding (no boxing): strong pixel indices. */
public final class IntList {
    int[] data;
    int size;

    public IntList(int capacity) { data = new int[Math.max(capacity, 4)]; }
    public IntList() { this(16); }

    public void add(int v) {
        if (size == data.length) data = Arrays.copyOf(data, data.length * 2);
        data[size++] = v;
    }

    public int size() { return size; }
    public int get(int i) { return data[i]; }
    public void clear() { size = 0; }
    public int[] toArray() { return Arrays.copyOf(data, size); }
}
