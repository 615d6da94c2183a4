package org.xtalkit.merge;

import org.xtalkit.XtalException;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.table.ReflectionTable;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Scaled experiments and reflections from one or more .expt/.refl pairs, joined as
 * dials.combine_experiments joins them: experiment ids renumbered in file order.
 */
public record ScaledInput(ExptSymmetry experiments, ReflectionTable reflections) {

    public static ScaledInput read(List<Path> expts, List<Path> refls) {
        if (expts.size() != refls.size() || expts.isEmpty())
            throw new XtalException("give .expt and .refl files in pairs (got " + expts.size() + " .expt and " + refls.size() + " .refl)");
        ExptSymmetry all = ExptSymmetry.read(expts.toArray(Path[]::new));
        ReflectionTable joined = null;
        int offset = 0;
        for (int f = 0; f < refls.size(); f++) {
            ReflectionTable t = ReflReader.read(refls.get(f));
            int nExp = ExptSymmetry.read(expts.get(f)).experiments().size();
            Map<Integer, String> ids = t.experimentIdentifiers();
            int[] id = t.ints("id");
            for (int i = 0; i < id.length; i++) if (id[i] >= 0) id[i] += offset;
            t.clearIdentifiers();
            for (var e : ids.entrySet()) t.setIdentifier(e.getKey() + offset, e.getValue());
            joined = joined == null ? t : only(joined, t).concat(only(t, joined));
            offset += nExp;
        }
        return new ScaledInput(all, joined);
    }

    /** A table without the columns the other lacks (files from different DIALS versions differ). */
    private static ReflectionTable only(ReflectionTable a, ReflectionTable b) {
        if (b.columnNames().containsAll(a.columnNames())) return a;
        ReflectionTable t = a.select(java.util.stream.IntStream.range(0, a.size()).toArray());
        for (String c : a.columnOrder()) if (!b.has(c)) t.remove(c);
        return t;
    }
}
