package org.xtalkit.io.refl;

import org.xtalkit.XtalException;
import org.xtalkit.table.Column;
import org.xtalkit.table.ColumnType;
import org.xtalkit.table.ReflectionTable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the older DIALS reflection files that are Python pickles of a reflection table (DIALS before
 * 2.0, or DIALS_USE_PICKLE). A small pickle machine builds only what such a file holds: the table,
 * its flex columns and their grids, tuples, dicts, numbers and strings; anything else is an error.
 *
 * <p>The table's state is (2, {id: identifier}, nrows, ncols, {name: column}) or, in version 1,
 * (1, nrows, ncols, {name: column}); a column's state is (grid, bytes) with the bytes in
 * scitbx's base-256 encoding ({@link Base256}): the count, then each element's components.
 */
final class ReflPickle {
    private ReflPickle() {}

    private record Global(String module, String name) {
        @Override public String toString() { return module + "." + name; }
    }
    private static final class Instance {
        final Global type;
        Object state;
        Instance(Global type) { this.type = type; }
    }
    private static final Object MARK = new Object();

    private static final Map<String, ColumnType> FLEX_TYPES = Map.ofEntries(
            Map.entry("scitbx_array_family_flex_ext.int", ColumnType.INT),
            Map.entry("scitbx_array_family_flex_ext.double", ColumnType.DOUBLE),
            Map.entry("scitbx_array_family_flex_ext.bool", ColumnType.BOOL),
            Map.entry("scitbx_array_family_flex_ext.size_t", ColumnType.SIZE_T),
            Map.entry("scitbx_array_family_flex_ext.vec2_double", ColumnType.VEC2),
            Map.entry("scitbx_array_family_flex_ext.vec3_double", ColumnType.VEC3),
            Map.entry("scitbx_array_family_flex_ext.mat3_double", ColumnType.MAT3),
            Map.entry("scitbx_array_family_flex_ext.std_string", ColumnType.STRING),
            Map.entry("cctbx_array_family_flex_ext.miller_index", ColumnType.MILLER),
            Map.entry("dials_array_family_flex_ext.int6", ColumnType.INT6));
    private static final String TABLE = "dials_array_family_flex_ext.reflection_table";
    private static final String GRID = "scitbx_array_family_flex_ext.grid";

    static ReflectionTable read(byte[] b, Object source) {
        Object top;
        try {
            top = run(b, source);
        } catch (IndexOutOfBoundsException e) {
            throw XtalException.badFile(source, "pickle ends early (truncated?)");
        } catch (java.util.NoSuchElementException | ClassCastException e) {
            throw XtalException.badFile(source, "corrupt pickle: " + e.getMessage() + "; expected a DIALS reflection table");
        }
        if (!(top instanceof Instance t) || !t.type.toString().equals(TABLE))
            throw XtalException.badFile(source, "a pickle of " + describe(top) + ", expected a DIALS reflection table");
        return table(t.state, source);
    }

    private static Object run(byte[] b, Object source) {
        ArrayDeque<Object> stack = new ArrayDeque<>();
        Map<Integer, Object> memo = new HashMap<>();
        int p = 0;
        while (true) {
            if (p >= b.length) throw XtalException.badFile(source, "pickle ends at byte " + b.length + " without STOP (truncated?)");
            int op = b[p++] & 0xff;
            switch (op) {
                case 0x80 -> p++;                                           // PROTO
                case 0x95 -> p += 8;                                        // FRAME
                case '.' -> { return stack.pop(); }                         // STOP
                case 'c' -> {                                               // GLOBAL module\nname\n
                    int nl1 = newline(b, p), nl2 = newline(b, nl1 + 1);
                    stack.push(new Global(ascii(b, p, nl1), ascii(b, nl1 + 1, nl2)));
                    p = nl2 + 1;
                }
                case 0x93 -> {                                              // STACK_GLOBAL
                    String name = (String) stack.pop(), module = (String) stack.pop();
                    stack.push(new Global(module, name));
                }
                case 'q' -> memo.put(b[p++] & 0xff, stack.peek());          // BINPUT
                case 'r' -> { memo.put(le32(b, p), stack.peek()); p += 4; } // LONG_BINPUT
                case 0x94 -> memo.put(memo.size(), stack.peek());           // MEMOIZE
                case 'h' -> stack.push(memoGet(memo, b[p++] & 0xff, source));
                case 'j' -> { stack.push(memoGet(memo, le32(b, p), source)); p += 4; }
                case '(' -> stack.push(MARK);
                case ')' -> stack.push(List.of());
                case 't' -> stack.push(popToMark(stack));
                case 0x85 -> stack.push(List.of(stack.pop()));
                case 0x86 -> { Object y = stack.pop(), x = stack.pop(); stack.push(List.of(x, y)); }
                case 0x87 -> { Object z = stack.pop(), y = stack.pop(), x = stack.pop(); stack.push(List.of(x, y, z)); }
                case '}' -> stack.push(new LinkedHashMap<Object, Object>());
                case ']' -> stack.push(new ArrayList<Object>());
                case 's' -> { Object v = stack.pop(), k = stack.pop(); dict(stack.peek(), source).put(k, v); }
                case 'u' -> {
                    List<Object> kv = popToMark(stack);
                    Map<Object, Object> d = dict(stack.peek(), source);
                    for (int i = 0; i + 1 < kv.size(); i += 2) d.put(kv.get(i), kv.get(i + 1));
                }
                case 'a' -> { Object v = stack.pop(); list(stack.peek(), source).add(v); }
                case 'e' -> { List<Object> vs = popToMark(stack); list(stack.peek(), source).addAll(vs); }
                case 'K' -> stack.push((long) (b[p++] & 0xff));
                case 'M' -> { stack.push((long) ((b[p] & 0xff) | (b[p + 1] & 0xff) << 8)); p += 2; }
                case 'J' -> { stack.push((long) le32(b, p)); p += 4; }
                case 0x8a -> {                                              // LONG1
                    int n = b[p++] & 0xff;
                    if (n > 8) throw XtalException.badFile(source, "pickled integer of " + n + " bytes at byte " + p);
                    long v = 0;
                    for (int i = n - 1; i >= 0; i--) v = (v << 8) | (b[p + i] & 0xff);
                    if (n > 0 && n < 8 && b[p + n - 1] < 0) v -= 1L << (8 * n);
                    stack.push(v);
                    p += n;
                }
                case 0x88 -> stack.push(Boolean.TRUE);
                case 0x89 -> stack.push(Boolean.FALSE);
                case 'N' -> stack.push(NONE);
                case 'U', 'C' -> { int n = b[p++] & 0xff; stack.push(slice(b, p, n)); p += n; }
                case 'T', 'B' -> { int n = len32(b, p); p += 4; stack.push(slice(b, p, n)); p += n; }
                case 'X' -> { int n = len32(b, p); p += 4; stack.push(new String(b, p, n, StandardCharsets.UTF_8)); p += n; }
                case 0x8c -> { int n = b[p++] & 0xff; stack.push(new String(b, p, n, StandardCharsets.UTF_8)); p += n; }
                case 'R' -> {                                               // REDUCE
                    stack.pop();                                            // the arguments: () for these classes
                    Object callable = stack.pop();
                    stack.push(construct(callable, source));
                }
                case 'b' -> {                                               // BUILD
                    Object state = stack.pop();
                    if (!(stack.peek() instanceof Instance obj))
                        throw XtalException.badFile(source, "pickle sets the state of " + describe(stack.peek()) + " at byte " + (p - 1));
                    obj.state = state;
                }
                default -> throw XtalException.badFile(source, String.format(
                        "unexpected pickle opcode 0x%02x at byte %d in what should be a DIALS reflection table", op, p - 1));
            }
        }
    }

    private static final Object NONE = new Object() { @Override public String toString() { return "None"; } };

    private static Object construct(Object callable, Object source) {
        if (!(callable instanceof Global g))
            throw XtalException.badFile(source, "pickle calls " + describe(callable) + ", expected a DIALS or scitbx class");
        String name = g.toString();
        // A grid (flex accessor) is built but not used: sizes are checked from the data.
        if (name.equals(GRID)) return new Instance(g);
        if (name.equals(TABLE) || FLEX_TYPES.containsKey(name)) return new Instance(g);
        if (name.equals("dials_array_family_flex_ext.shoebox"))
            throw XtalException.badFile(source, "shoebox columns in pickled reflection files are not supported; "
                    + "convert the file to msgpack with DIALS (reflection_table.from_file(...).as_file(...))");
        throw XtalException.badFile(source, "pickle holds a " + name + ", expected only a DIALS reflection table and its columns");
    }

    private static ReflectionTable table(Object state, Object source) {
        if (!(state instanceof List<?> s) || s.isEmpty() || !(s.get(0) instanceof Long version))
            throw XtalException.badFile(source, "reflection table pickle state is " + describe(state) + ", expected (version, ...)");
        Map<?, ?> ids;
        long nrows;
        Object columns;
        if (version == 2 && s.size() == 5) {
            ids = dict(s.get(1), source);
            nrows = number(s.get(2), "nrows", source);
            columns = s.get(4);
        } else if (version == 1 && s.size() == 4) {
            ids = Map.of();
            nrows = number(s.get(1), "nrows", source);
            columns = s.get(3);
        } else {
            throw XtalException.badFile(source, "reflection table pickle version " + version + " with " + s.size()
                    + " entries, expected version 2 (5 entries) or 1 (4 entries)");
        }
        if (nrows < 0 || nrows > Integer.MAX_VALUE) throw XtalException.badFile(source, "nrows " + nrows);
        ReflectionTable t = new ReflectionTable((int) nrows);
        for (Map.Entry<?, ?> c : dict(columns, source).entrySet()) {
            String name = text(c.getKey());
            if (!(c.getValue() instanceof Instance flex) || !FLEX_TYPES.containsKey(flex.type.toString()))
                throw XtalException.badFile(source, "column '" + name + "' is " + describe(c.getValue()) + ", expected a flex array");
            Column col = column(FLEX_TYPES.get(flex.type.toString()), flex.state, name, source);
            if (col.size() != nrows)
                throw XtalException.badFile(source, "column '" + name + "' has " + col.size() + " rows, the table " + nrows);
            t.put(name, col);
        }
        for (Map.Entry<?, ?> e : ids.entrySet())
            t.setIdentifier((int) number(e.getKey(), "experiment id", source), text(e.getValue()));
        return t;
    }

    /** A flex array from its (grid, bytes) state. */
    private static Column column(ColumnType type, Object state, String name, Object source) {
        if (!(state instanceof List<?> s) || s.size() != 2 || !(s.get(1) instanceof byte[] bytes))
            throw XtalException.badFile(source, "column '" + name + "' state is " + describe(state) + ", expected (grid, bytes)");
        try {
            Base256 in = new Base256(bytes, 0, bytes.length);
            long n = in.nextInteger();
            if (n < 0 || n * type.width > bytes.length)   // every value takes at least one byte
                throw new IllegalStateException("it claims " + n + " elements in " + bytes.length + " bytes");
            Column c = Column.empty(type, (int) n);
            int m = (int) n * type.width;
            switch (type) {
                case INT, INT6, MILLER -> { int[] a = (int[]) c.data(); for (int i = 0; i < m; i++) a[i] = (int) in.nextInteger(); }
                case SIZE_T -> { long[] a = (long[]) c.data(); for (int i = 0; i < m; i++) a[i] = in.nextInteger(); }
                case DOUBLE, VEC2, VEC3, MAT3 -> { double[] a = (double[]) c.data(); for (int i = 0; i < m; i++) a[i] = in.nextDouble(); }
                case BOOL -> { boolean[] a = (boolean[]) c.data(); for (int i = 0; i < m; i++) a[i] = in.nextBool(); }
                case STRING -> {
                    String[] a = (String[]) c.data();
                    for (int i = 0; i < m; i++) {
                        long len = in.nextInteger();
                        a[i] = new String(bytes, in.skip(len), (int) len, StandardCharsets.UTF_8);
                    }
                }
                case SHOEBOX -> throw new IllegalStateException("shoeboxes are not read from pickles");
            }
            if (!in.atEnd()) throw new IllegalStateException((bytes.length - in.position()) + " bytes after the last element");
            return c;
        } catch (IllegalStateException e) {
            throw XtalException.badFile(source, "column '" + name + "' (" + type.dialsName + "): " + e.getMessage());
        }
    }

    private static List<Object> popToMark(ArrayDeque<Object> stack) {
        ArrayList<Object> items = new ArrayList<>();
        while (true) {
            Object o = stack.pop();
            if (o == MARK) break;
            items.add(o);
        }
        java.util.Collections.reverse(items);
        return items;
    }

    private static Object memoGet(Map<Integer, Object> memo, int key, Object source) {
        Object o = memo.get(key);
        if (o == null) throw XtalException.badFile(source, "pickle refers to memo entry " + key + " that was never stored");
        return o;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> dict(Object o, Object source) {
        if (o instanceof Map<?, ?> m) return (Map<Object, Object>) m;
        throw XtalException.badFile(source, "expected a dict in the pickle, found " + describe(o));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o, Object source) {
        if (o instanceof ArrayList<?> l) return (List<Object>) l;
        throw XtalException.badFile(source, "expected a list in the pickle, found " + describe(o));
    }

    private static long number(Object o, String what, Object source) {
        if (o instanceof Long l) return l;
        throw XtalException.badFile(source, what + " is " + describe(o) + ", expected an integer");
    }

    /** Python 2 str (bytes) or Python 3 str. */
    private static String text(Object o) {
        return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o);
    }

    private static String describe(Object o) {
        if (o instanceof Instance i) return "a " + i.type;
        if (o instanceof byte[] b) return "a string of " + b.length + " bytes";
        return o == null ? "nothing" : "a " + o.getClass().getSimpleName();
    }

    private static int newline(byte[] b, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == '\n') return i;
        throw new IndexOutOfBoundsException();
    }

    private static String ascii(byte[] b, int from, int to) { return new String(b, from, to - from, StandardCharsets.ISO_8859_1); }

    private static int le32(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
    }

    private static int len32(byte[] b, int p) {
        int n = le32(b, p);
        if (n < 0 || p + 4L + n > b.length) throw new IndexOutOfBoundsException();
        return n;
    }

    private static byte[] slice(byte[] b, int p, int n) {
        if (p + n > b.length) throw new IndexOutOfBoundsException();
        return Arrays.copyOfRange(b, p, p + n);
    }
}
