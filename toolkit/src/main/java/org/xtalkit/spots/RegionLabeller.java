package org.xtalkit.spots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Connected strong pixels of one panel over consecutive frames, as DIALS' PixelListLabeller:
 * face neighbours only (x+1, y+1 and, in 3D, z+1), union-find over the pixels in the order they
 * are added. In 2D (stills) pixels on different frames are never joined.
 */
final class RegionLabeller {
    private final int panel, width;
    private final boolean twod;
    private final IntList frames = new IntList(), indices = new IntList(), values = new IntList();
    private final IntList frameStart = new IntList(), frameOf = new IntList();
    private int[] parent = new int[64];

    RegionLabeller(int panel, int width, boolean twod) {
        this.panel = panel;
        this.width = width;
        this.twod = twod;
    }

    /** Adds the strong pixels of the next frame (indices ascending); frames must be consecutive. */
    void addFrame(int frame, int[] src, IntList strong) {
        if (frameOf.size > 0 && frame != frameOf.data[frameOf.size - 1] + 1)
            throw new IllegalArgumentException("frame " + frame + " does not follow " + frameOf.data[frameOf.size - 1]);
        int base = indices.size, n = strong.size;
        int prevBase = frameStart.size > 0 ? frameStart.data[frameStart.size - 1] : -1;
        frameStart.add(base);
        frameOf.add(frame);
        if (parent.length < base + n) parent = Arrays.copyOf(parent, Math.max(parent.length * 2, base + n));
        for (int t = 0; t < n; t++) {
            int k = strong.data[t];
            frames.add(frame);
            indices.add(k);
            values.add(src[k]);
            parent[base + t] = base + t;
        }
        int[] idx = indices.data;
        // in-frame: right and lower neighbours
        for (int t = base, t2 = base, end = base + n; t < end; t++) {
            int k = idx[t];
            if (t + 1 < end && idx[t + 1] == k + 1 && (k + 1) % width != 0) union(t, t + 1);
            int below = k + width;
            while (t2 < end && idx[t2] < below) t2++;
            if (t2 < end && idx[t2] == below) union(t, t2);
        }
        // across frames: the same pixel on the previous frame
        if (!twod && prevBase >= 0) {
            for (int a = prevBase, b = base, endA = base, endB = base + n; a < endA && b < endB; ) {
                int ka = idx[a], kb = idx[b];
                if (ka == kb) { union(a, b); a++; b++; }
                else if (ka < kb) a++;
                else b++;
            }
        }
    }

    private int find(int a) {
        int[] p = parent;
        while (p[a] != a) { p[a] = p[p[a]]; a = p[a]; }
        return a;
    }

    private void union(int a, int b) {
        int ra = find(a), rb = find(b);
        if (ra == rb) return;
        // the smaller ordinal stays root so that a region's root is its first pixel
        if (ra < rb) parent[rb] = ra; else parent[ra] = rb;
    }

    int numPixels() { return indices.size; }

    /** The regions found so far, in the order of their first pixel, each with pixels in (z, y, x) order. */
    List<Region> regions() {
        int n = indices.size;
        int[] root = new int[n];
        int numRegions = 0;
        int[] regionOfRoot = new int[n];
        for (int t = 0; t < n; t++) {
            int r = find(t);
            root[t] = r;
            if (r == t) regionOfRoot[t] = numRegions++;
        }
        int[] sizes = new int[numRegions];
        for (int t = 0; t < n; t++) sizes[regionOfRoot[root[t]]]++;
        int[][] fz = new int[numRegions][], fi = new int[numRegions][], fv = new int[numRegions][];
        for (int r = 0; r < numRegions; r++) { fz[r] = new int[sizes[r]]; fi[r] = new int[sizes[r]]; fv[r] = new int[sizes[r]]; }
        int[] fill = new int[numRegions];
        for (int t = 0; t < n; t++) {
            int r = regionOfRoot[root[t]], q = fill[r]++;
            fz[r][q] = frames.data[t];
            fi[r][q] = indices.data[t];
            fv[r][q] = values.data[t];
        }
        List<Region> out = new ArrayList<>(numRegions);
        for (int r = 0; r < numRegions; r++) out.add(new Region(panel, fz[r], fi[r], fv[r]));
        return out;
    }
}
