package org.xtalkit.io.image.nexus;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Link;
import io.jhdf.api.Node;

import java.lang.reflect.Array;

/** Reading NeXus fields and attributes through jhdf: class lookup, paths, scalars and vectors as double. */
final class NxTree {
    private NxTree() {}

    /** The first child group of {@code parent} whose NX_class is {@code nxClass}, or null. */
    static Group child(Group parent, String nxClass) {
        for (Node n : parent.getChildren().values()) {
            Node t = target(n);
            if (t instanceof Group g && nxClass.equals(attrString(g, "NX_class"))) return g;
        }
        return null;
    }

    /** Follows soft and external links. */
    static Node target(Node n) {
        return n instanceof Link l ? l.getTarget() : n;
    }

    /** A child dataset by name, or null when absent. */
    static Dataset dataset(Group g, String name) {
        Node n = g.getChildren().get(name);
        return n == null ? null : (Dataset) target(n);
    }

    /**
     * The node a NeXus path names: absolute, or relative to {@code base}'s group (the rule for
     * depends_on). "." and empty mean none (null).
     */
    static Node resolve(Group base, String path) {
        if (path == null || path.isEmpty() || path.equals(".")) return null;
        Node n = path.startsWith("/") ? base.getHdfFile().getByPath(path) : base.getByPath(path);
        return target(n);
    }

    static String attrString(Node n, String name) {
        Attribute a = n.getAttribute(name);
        if (a == null) return null;
        Object v = a.getData();
        if (v != null && v.getClass().isArray()) v = Array.getLength(v) > 0 ? Array.get(v, 0) : null;
        return v == null ? null : v.toString();
    }

    static double[] attrDoubles(Node n, String name) {
        Attribute a = n.getAttribute(name);
        return a == null ? null : doubles(a.getData());
    }

    static String string(Dataset d) {
        Object v = d.getData();
        if (v != null && v.getClass().isArray()) v = Array.getLength(v) > 0 ? Array.get(v, 0) : null;
        return v == null ? null : v.toString().trim();
    }

    /** All values of a numeric dataset, flattened, as double. */
    static double[] doubles(Dataset d) { return doubles(d.getData()); }

    static double scalar(Dataset d) {
        double[] v = doubles(d);
        if (v.length == 0) throw new IllegalArgumentException(d.getPath() + " is empty");
        return v[0];
    }

    /** Flattens a (nested) numeric array or boxed scalar to double[]. */
    static double[] doubles(Object v) {
        if (v instanceof Number x) return new double[] {x.doubleValue()};
        if (v instanceof double[] a) return a;
        if (v instanceof long[] a) { double[] o = new double[a.length]; for (int i = 0; i < a.length; i++) o[i] = a[i]; return o; }
        if (v instanceof int[] a) { double[] o = new double[a.length]; for (int i = 0; i < a.length; i++) o[i] = a[i]; return o; }
        if (v instanceof short[] a) { double[] o = new double[a.length]; for (int i = 0; i < a.length; i++) o[i] = a[i]; return o; }
        if (v instanceof byte[] a) { double[] o = new double[a.length]; for (int i = 0; i < a.length; i++) o[i] = a[i]; return o; }
        if (v instanceof float[] a) { double[] o = new double[a.length]; for (int i = 0; i < a.length; i++) o[i] = a[i]; return o; }
        if (v == null || !v.getClass().isArray())
            throw new IllegalArgumentException("not a number: " + v);
        int n = Array.getLength(v);
        double[][] parts = new double[n][];
        int total = 0;
        for (int i = 0; i < n; i++) {
            Object e = Array.get(v, i);
            parts[i] = e instanceof Number x ? new double[] {x.doubleValue()} : doubles(e);
            total += parts[i].length;
        }
        double[] out = new double[total];
        int p = 0;
        for (double[] part : parts) { System.arraycopy(part, 0, out, p, part.length); p += part.length; }
        return out;
    }
}
