package org.xtalkit.spots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Joins regions that touch the ends of image blocks: a region of one block and one of the next are
 * the same region when they hold the same pixel of the same panel on the last and first image of
 * the two blocks (DIALS' z+1 neighbour).
 */
final class OpenRegions {
    private OpenRegions() {}

    /** The open regions of one block of frames first..last. */
    record Block(int firstFrame, int lastFrame, List<Region> regions) {
        Block(int firstFrame, int lastFrame) { this(firstFrame, lastFrame, new ArrayList<>()); }
    }

    /** Joined regions, pixels in (z, y, x) order; blocks must be given in frame order. */
    static List<Region> join(List<Block> blocks) {
        List<Region> all = new ArrayList<>();
        List<Integer> blockOf = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++)
            for (Region r : blocks.get(b).regions()) { all.add(r); blockOf.add(b); }
        int[] parent = new int[all.size()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        int offset = 0;
        for (int b = 0; b + 1 < blocks.size(); b++) {
            int nb = blocks.get(b).regions().size(), nNext = blocks.get(b + 1).regions().size();
            long[] last = edgePixels(all, offset, nb, blocks.get(b).lastFrame());
            long[] first = edgePixels(all, offset + nb, nNext, blocks.get(b + 1).firstFrame());
            for (int i = 0, j = 0; i < last.length && j < first.length; ) {
                long ka = last[i] >>> 24, kb = first[j] >>> 24;
                if (ka == kb) { union(parent, (int) (last[i] & 0xffffff), (int) (first[j] & 0xffffff)); i++; j++; }
                else if (ka < kb) i++;
                else j++;
            }
            offset += nb;
        }
        // gather members of each group in block order (regions were added in block order)
        List<List<Region>> groups = new ArrayList<>();
        int[] groupOf = new int[all.size()];
        Arrays.fill(groupOf, -1);
        for (int i = 0; i < all.size(); i++) {
            int r = find(parent, i);
            if (groupOf[r] < 0) { groupOf[r] = groups.size(); groups.add(new ArrayList<>()); }
            groups.get(groupOf[r]).add(all.get(i));
        }
        List<Region> out = new ArrayList<>();
        for (List<Region> g : groups) out.add(concat(g));
        return out;
    }

    /** (panel, pixel index, region number) of the pixels on a frame, sorted, packed in a long. */
    private static long[] edgePixels(List<Region> all, int from, int count, int frame) {
        int n = 0;
        for (int i = from; i < from + count; i++) for (int z : all.get(i).frame()) if (z == frame) n++;
        long[] out = new long[n];
        int q = 0;
        for (int i = from; i < from + count; i++) {
            Region r = all.get(i);
            for (int t = 0; t < r.size(); t++)
                if (r.frame()[t] == frame)
                    out[q++] = (((long) r.panel() << 32 | (r.index()[t] & 0xffffffffL)) << 24) | i;
        }
        Arrays.sort(out);
        return out;
    }

    private static Region concat(List<Region> g) {
        if (g.size() == 1) return g.get(0);
        int n = 0;
        for (Region r : g) n += r.size();
        int[] z = new int[n], idx = new int[n], v = new int[n];
        int q = 0;
        for (Region r : g) {
            System.arraycopy(r.frame(), 0, z, q, r.size());
            System.arraycopy(r.index(), 0, idx, q, r.size());
            System.arraycopy(r.value(), 0, v, q, r.size());
            q += r.size();
        }
        // regions from one block interleave in (z, index) order: restore it
        long[] key = new long[n];
        for (int i = 0; i < n; i++) key[i] = ((long) z[i] << 32) | (idx[i] & 0xffffffffL);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Long.compare(key[a], key[b]));
        int[] z2 = new int[n], i2 = new int[n], v2 = new int[n];
        for (int i = 0; i < n; i++) { z2[i] = z[order[i]]; i2[i] = idx[order[i]]; v2[i] = v[order[i]]; }
        return new Region(g.get(0).panel(), z2, i2, v2);
    }

    private static int find(int[] p, int a) {
        while (p[a] != a) { p[a] = p[p[a]]; a = p[a]; }
        return a;
    }

    private static void union(int[] p, int a, int b) {
        int ra = find(p, a), rb = find(p, b);
        if (ra != rb) { if (ra < rb) p[rb] = ra; else p[ra] = rb; }
    }
}
