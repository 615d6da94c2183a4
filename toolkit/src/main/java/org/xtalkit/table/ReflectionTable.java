package org.xtalkit.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * A DIALS reflection table: named, typed, equal-length columns over primitive arrays, plus the
 * map from experiment id (the "id" column) to experiment identifier.
 *
 * <p>Column names and types are DIALS' ({@code miller_index}, {@code xyzobs.px.value},
 * {@code intensity.sum.value}, {@code flags}, ...). Accessors hand out the arrays themselves for
 * hot loops; selection, sorting and joining return new tables. Not thread-safe for writes.
 */
public final class ReflectionTable {
    private final LinkedHashMap<String, Column> columns = new LinkedHashMap<>();
    private final TreeMap<Integer, String> identifiers = new TreeMap<>();
    private int size;

    public ReflectionTable(int size) {
        if (size < 0) throw new IllegalArgumentException("negative table size " + size);
        this.size = size;
    }

    public int size() { return size; }
    public Set<String> columnNames() { return Collections.unmodifiableSet(columns.keySet()); }
    public boolean has(String name) { return columns.containsKey(name); }

    public Column column(String name) {
        Column c = columns.get(name);
        if (c == null) throw new IllegalArgumentException("reflection table has no column '" + name + "'; columns: " + columns.keySet());
        return c;
    }

    /** Adds or replaces a column; its length must match the table. */
    public ReflectionTable put(String name, Column column) {
        if (column.size() != size)
            throw new IllegalArgumentException("column '" + name + "' has " + column.size() + " rows, the table " + size);
        columns.put(name, column);
        return this;
    }

    public ReflectionTable remove(String name) { columns.remove(name); return this; }

    // Typed accessors: the array itself, for hot loops.
    public int[] ints(String name) { return (int[]) typed(name, ColumnType.INT).data(); }
    public double[] doubles(String name) { return (double[]) typed(name, ColumnType.DOUBLE).data(); }
    public boolean[] bools(String name) { return (boolean[]) typed(name, ColumnType.BOOL).data(); }
    public long[] sizes(String name) { return (long[]) typed(name, ColumnType.SIZE_T).data(); }
    /** Flat x0,y0,z0,x1,y1,z1,... */
    public double[] vec3(String name) { return (double[]) typed(name, ColumnType.VEC3).data(); }
    public double[] vec2(String name) { return (double[]) typed(name, ColumnType.VEC2).data(); }
    public double[] mat3(String name) { return (double[]) typed(name, ColumnType.MAT3).data(); }
    /** Flat h0,k0,l0,h1,... */
    public int[] miller(String name) { return (int[]) typed(name, ColumnType.MILLER).data(); }
    /** Flat x0,x1,y0,y1,z0,z1 per row. */
    public int[] int6(String name) { return (int[]) typed(name, ColumnType.INT6).data(); }
    public String[] strings(String name) { return (String[]) typed(name, ColumnType.STRING).data(); }
    public Shoebox[] shoeboxes(String name) { return (Shoebox[]) typed(name, ColumnType.SHOEBOX).data(); }

    /**
     * An integer-valued scalar column as int[] whatever type the file gave it (DIALS writes "panel" and
     * "partial_id" as std::size_t, older files as int or double): the int column itself, else a copy.
     */
    public int[] intsOf(String name) {
        Column c = column(name);
        int n = size;
        switch (c.type()) {
            case INT: return (int[]) c.data();
            case SIZE_T: { long[] v = (long[]) c.data(); int[] o = new int[n]; for (int i = 0; i < n; i++) o[i] = (int) v[i]; return o; }
            case DOUBLE: { double[] v = (double[]) c.data(); int[] o = new int[n]; for (int i = 0; i < n; i++) o[i] = (int) v[i]; return o; }
            default: throw new IllegalArgumentException("column '" + name + "' is " + c.type().dialsName + ", not an integer column");
        }
    }

    // Creating columns: allocate, add, return the array to fill.
    public int[] newInts(String name) { return (int[]) add(name, ColumnType.INT); }
    public double[] newDoubles(String name) { return (double[]) add(name, ColumnType.DOUBLE); }
    public boolean[] newBools(String name) { return (boolean[]) add(name, ColumnType.BOOL); }
    public long[] newSizes(String name) { return (long[]) add(name, ColumnType.SIZE_T); }
    public double[] newVec3(String name) { return (double[]) add(name, ColumnType.VEC3); }
    public double[] newVec2(String name) { return (double[]) add(name, ColumnType.VEC2); }
    public double[] newMat3(String name) { return (double[]) add(name, ColumnType.MAT3); }
    public int[] newMiller(String name) { return (int[]) add(name, ColumnType.MILLER); }
    public int[] newInt6(String name) { return (int[]) add(name, ColumnType.INT6); }
    public String[] newStrings(String name) { return (String[]) add(name, ColumnType.STRING); }
    public Shoebox[] newShoeboxes(String name) { return (Shoebox[]) add(name, ColumnType.SHOEBOX); }

    private Object add(String name, ColumnType type) {
        Column c = Column.empty(type, size);
        columns.put(name, c);
        return c.data();
    }

    private Column typed(String name, ColumnType type) {
        Column c = column(name);
        if (c.type() != type)
            throw new IllegalArgumentException("column '" + name + "' is " + c.type().dialsName + ", not " + type.dialsName);
        return c;
    }

    // Flags

    /** The "flags" column, created (all zero) when absent. */
    public long[] flags() {
        if (!has("flags")) newSizes("flags");
        return sizes("flags");
    }

    public void setFlag(int row, Flag f) { flags()[row] |= f.bits; }
    public void clearFlag(int row, Flag f) { flags()[row] &= ~f.bits; }

    /** Rows where every bit of the flag is set. */
    public boolean[] getFlags(Flag f) {
        long[] fl = has("flags") ? sizes("flags") : new long[size];
        boolean[] out = new boolean[size];
        for (int i = 0; i < size; i++) out[i] = f.allSetIn(fl[i]);
        return out;
    }

    // Experiment identifiers

    public Map<Integer, String> experimentIdentifiers() { return Collections.unmodifiableMap(identifiers); }
    public void setIdentifier(int id, String identifier) { identifiers.put(id, identifier); }
    public void clearIdentifiers() { identifiers.clear(); }

    // Selection, sorting, joining

    public ReflectionTable select(int[] rows) {
        ReflectionTable t = new ReflectionTable(rows.length);
        columns.forEach((n, c) -> t.columns.put(n, c.select(rows)));
        t.identifiers.putAll(identifiers);
        return t;
    }

    public ReflectionTable select(boolean[] keep) {
        if (keep.length != size) throw new IllegalArgumentException("selection has " + keep.length + " entries, the table " + size);
        int n = 0;
        for (boolean b : keep) if (b) n++;
        int[] rows = new int[n];
        for (int i = 0, j = 0; i < size; i++) if (keep[i]) rows[j++] = i;
        return select(rows);
    }

    public ReflectionTable select(IntPredicate keep) {
        int[] rows = java.util.stream.IntStream.range(0, size).filter(keep).toArray();
        return select(rows);
    }

    /** Rows reordered so that the given double, int or size_t column (or a vec3's z) ascends (stable). */
    public ReflectionTable sortedBy(String name) {
        Column c = column(name);
        IndexOrder order = switch (c.type()) {
            case DOUBLE -> { double[] v = (double[]) c.data(); yield (a, b) -> Double.compare(v[a], v[b]); }
            case INT -> { int[] v = (int[]) c.data(); yield (a, b) -> Integer.compare(v[a], v[b]); }
            case SIZE_T -> { long[] v = (long[]) c.data(); yield (a, b) -> Long.compareUnsigned(v[a], v[b]); }
            case VEC3 -> { double[] v = (double[]) c.data(); yield (a, b) -> Double.compare(v[3 * a + 2], v[3 * b + 2]); }
            default -> throw new IllegalArgumentException("cannot sort by " + c.type().dialsName + " column '" + name + "'");
        };
        return select(stableOrder(size, order));
    }

    /** Compares two row indices. */
    @FunctionalInterface
    private interface IndexOrder { int compare(int a, int b); }

    /** Row indices 0..n-1 in stable ascending order: a merge sort over int[], no boxing. */
    private static int[] stableOrder(int n, IndexOrder order) {
        int[] a = new int[n], b = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) b[k++] = order.compare(a[j], a[i]) < 0 ? a[j++] : a[i++];
                while (i < mid) b[k++] = a[i++];
                while (j < hi) b[k++] = a[j++];
            }
            int[] t = a; a = b; b = t;
        }
        return a;
    }

    /** Rows of this table followed by those of another with the same columns (DIALS' extend). */
    public ReflectionTable concat(ReflectionTable other) {
        if (!columns.keySet().equals(other.columns.keySet()))
            throw new IllegalArgumentException("cannot join tables with different columns: " + columns.keySet() + " vs " + other.columns.keySet());
        ReflectionTable t = new ReflectionTable(size + other.size);
        columns.forEach((n, c) -> t.columns.put(n, c.concat(other.columns.get(n))));
        t.identifiers.putAll(identifiers);
        other.identifiers.forEach((k, v) -> {
            String prev = t.identifiers.putIfAbsent(k, v);
            if (prev != null && !prev.equals(v))
                throw new IllegalArgumentException("experiment id " + k + " names both '" + prev + "' and '" + v + "'");
        });
        return t;
    }

    /** A deep copy (primitive arrays cloned). */
    public ReflectionTable copy() {
        ReflectionTable t = new ReflectionTable(size);
        columns.forEach((n, c) -> t.columns.put(n, c.copy()));
        t.identifiers.putAll(identifiers);
        return t;
    }

    /** Column names in insertion order. */
    public List<String> columnOrder() { return new ArrayList<>(columns.keySet()); }

    @Override public String toString() {
        return "ReflectionTable(" + size + " rows, columns " + columns.keySet() + ")";
    }
}
