package org.xtalkit.table;

import java.util.Arrays;

/**
 * One typed column: a primitive array of {@code size * type.width} elements (row-major for
 * vectors), or an object array for strings and shoeboxes. The array is shared, not copied:
 * callers that change it change the table.
 *
 * @param type the DIALS column type
 * @param data int[] (INT, INT6, MILLER), long[] (SIZE_T), double[] (DOUBLE, VEC2, VEC3, MAT3),
 *             boolean[] (BOOL), String[] (STRING) or Shoebox[] (SHOEBOX)
 */
public record Column(ColumnType type, Object data) {

    public Column {
        Class<?> want = switch (type) {
            case INT, INT6, MILLER -> int[].class;
            case SIZE_T -> long[].class;
            case DOUBLE, VEC2, VEC3, MAT3 -> double[].class;
            case BOOL -> boolean[].class;
            case STRING -> String[].class;
            case SHOEBOX -> Shoebox[].class;
        };
        if (!want.isInstance(data))
            throw new IllegalArgumentException("column of type " + type.dialsName + " needs " + want.getSimpleName()
                    + ", got " + (data == null ? "null" : data.getClass().getSimpleName()));
        if (java.lang.reflect.Array.getLength(data) % type.width != 0)
            throw new IllegalArgumentException("column of type " + type.dialsName + " needs a multiple of "
                    + type.width + " elements");
    }

    public static Column empty(ColumnType type, int rows) {
        int n = rows * type.width;
        return new Column(type, switch (type) {
            case INT, INT6, MILLER -> new int[n];
            case SIZE_T -> new long[n];
            case DOUBLE, VEC2, VEC3, MAT3 -> new double[n];
            case BOOL -> new boolean[n];
            case STRING -> new String[n];
            case SHOEBOX -> new Shoebox[n];
        });
    }

    public int size() { return java.lang.reflect.Array.getLength(data) / type.width; }

    /** Rows at the given indices, in that order. */
    public Column select(int[] rows) {
        int w = type.width;
        Column out = empty(type, rows.length);
        for (int i = 0; i < rows.length; i++)
            System.arraycopy(data, rows[i] * w, out.data, i * w, w);
        return out;
    }

    /** This column followed by another of the same type. */
    public Column concat(Column other) {
        if (other.type != type) throw new IllegalArgumentException("cannot join " + type.dialsName + " and " + other.type.dialsName);
        int a = java.lang.reflect.Array.getLength(data), b = java.lang.reflect.Array.getLength(other.data);
        Column out = empty(type, (a + b) / type.width);
        System.arraycopy(data, 0, out.data, 0, a);
        System.arraycopy(other.data, 0, out.data, a, b);
        return out;
    }

    /** A deep copy of the primitive array (shoeboxes are immutable and shared). */
    public Column copy() {
        return new Column(type, switch (type) {
            case INT, INT6, MILLER -> ((int[]) data).clone();
            case SIZE_T -> ((long[]) data).clone();
            case DOUBLE, VEC2, VEC3, MAT3 -> ((double[]) data).clone();
            case BOOL -> ((boolean[]) data).clone();
            case STRING -> ((String[]) data).clone();
            case SHOEBOX -> ((Shoebox[]) data).clone();
        });
    }

    public boolean contentEquals(Column o) {
        if (o.type != type) return false;
        return switch (type) {
            case INT, INT6, MILLER -> Arrays.equals((int[]) data, (int[]) o.data);
            case SIZE_T -> Arrays.equals((long[]) data, (long[]) o.data);
            case DOUBLE, VEC2, VEC3, MAT3 -> Arrays.equals((double[]) data, (double[]) o.data);
            case BOOL -> Arrays.equals((boolean[]) data, (boolean[]) o.data);
            case STRING -> Arrays.equals((String[]) data, (String[]) o.data);
            case SHOEBOX -> Arrays.equals((Shoebox[]) data, (Shoebox[]) o.data);
        };
    }
}
