package org.xtalkit.step.merge;

import org.xtalkit.model.Experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Batch numbers for MTZ as DIALS assigns them: the scans' own batch offsets when they differ, else
 * image numbers kept where they do not clash, clashing sweeps moved to the next free range
 * starting at a number ending in 01 (dials.util.batch_handling).
 */
final class BatchOffsets {
    private BatchOffsets() {}

    static int[] of(List<Experiment> experiments) {
        int n = experiments.size();
        int[] offsets = new int[n];
        Set<Integer> existing = new HashSet<>();
        for (Experiment e : experiments) existing.add(e.scan() == null ? 0 : e.scan().batchOffset() + e.scan().firstImage());
        if (existing.size() == n && n > 1) {
            for (int i = 0; i < n; i++) offsets[i] = experiments.get(i).scan() == null ? 0 : experiments.get(i).scan().batchOffset();
            return offsets;
        }
        List<int[]> ranges = new ArrayList<>();
        List<Integer> shift = new ArrayList<>();
        int max = 0;
        for (int i = 0; i < n; i++) {
            var s = experiments.get(i).scan();
            int lo = s == null ? 0 : s.firstImage(), hi = s == null ? 0 : s.lastImage(), first = lo;
            if (lo == 0) { lo++; hi++; }
            boolean overlap = false;
            for (int[] r : ranges) if (lo < r[1] + 1 && hi >= r[0] - 1) overlap = true;
            if (overlap) { shift.add(i); continue; }
            offsets[i] = lo - first;
            ranges.add(new int[] {lo, hi});
            max = Math.max(max, hi);
        }
        for (int i : shift) {
            var s = experiments.get(i).scan();
            int first = s == null ? 0 : s.firstImage(), width = s == null ? 1 : s.numImages();
            int start = nextEpoch(max);
            offsets[i] = start - first;
            max = start + width - 1;
        }
        return offsets;
    }

    /** The next number above val ending in 01 and not consecutive with it. */
    static int nextEpoch(int val) {
        if (val % 100 == 99) return val + 2;
        if (val % 100 == 0) return val + 101;
        return val - val % 100 + 101;
    }
}
