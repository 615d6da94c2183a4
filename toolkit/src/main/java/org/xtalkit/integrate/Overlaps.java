package org.xtalkit.integrate;

import java.util.Arrays;

/**
 * Which reflections' shoeboxes overlap (same panel, bboxes intersecting in x, y and z), as DIALS'
 * find_overlapping: each reflection's neighbours are masked in its shoebox so that their spots
 * are kept out of its background. Found with a coarse grid on the detector, stored as lists per
 * reflection (CSR).
 */
final class Overlaps {
    private static final int CELL = 32; // pixels; a typical bbox covers one to four cells

    private final int[] start, neighbours;

    private Overlaps(int[] start, int[] neighbours) {
        this.start = start;
        this.neighbours = neighbours;
    }

    /** Neighbours of reflection i. */
    int count(int i) { return start[i + 1] - start[i]; }
    int neighbour(int i, int k) { return neighbours[start[i] + k]; }

    /** Number of overlapping pairs. */
    int pairs() { return neighbours.length / 2; }

    /**
     * @param bbox  x0, x1, y0, y1, z0, z1 per reflection (half-open)
     * @param panel panel per reflection
     * @param use   reflections to consider (others have no neighbours and are nobody's)
     */
    static Overlaps find(int[] bbox, long[] panel, boolean[] use) {
        int n = use.length;
        // bucket reflections by (panel, cell) of the cells their bbox covers
        int maxX = 1, maxY = 1, panels = 1;
        for (int i = 0; i < n; i++) if (use[i]) {
            maxX = Math.max(maxX, bbox[6 * i + 1]);
            maxY = Math.max(maxY, bbox[6 * i + 3]);
            panels = Math.max(panels, (int) panel[i] + 1);
        }
        int cx = maxX / CELL + 1, cy = maxY / CELL + 1, cells = cx * cy * panels;
        int[] cellStart = new int[cells + 1];
        for (int pass = 0; pass < 2; pass++) {
            int[] fill = pass == 0 ? null : Arrays.copyOf(cellStart, cells);
            int[] members = pass == 0 ? null : new int[cellStart[cells]];
            for (int i = 0; i < n; i++) if (use[i])
                for (int y = Math.max(0, bbox[6 * i + 2]) / CELL; y <= Math.max(0, bbox[6 * i + 3] - 1) / CELL; y++)
                    for (int x = Math.max(0, bbox[6 * i]) / CELL; x <= Math.max(0, bbox[6 * i + 1] - 1) / CELL; x++) {
                        int c = ((int) panel[i] * cy + y) * cx + x;
                        if (pass == 0) cellStart[c + 1]++;
                        else members[fill[c]++] = i;
                    }
            if (pass == 0) for (int c = 0; c < cells; c++) cellStart[c + 1] += cellStart[c];
            else return pairs(bbox, panel, use, cellStart, members, cx, cy);
        }
        throw new AssertionError();
    }

    private static Overlaps pairs(int[] bbox, long[] panel, boolean[] use, int[] cellStart, int[] members, int cx, int cy) {
        int n = use.length;
        int[] count = new int[n + 1];
        int[] seen = new int[n];
        Arrays.fill(seen, -1);
        int[] a = new int[1024], b = new int[1024];
        int m = 0;
        for (int i = 0; i < n; i++) if (use[i])
            for (int y = Math.max(0, bbox[6 * i + 2]) / CELL; y <= Math.max(0, bbox[6 * i + 3] - 1) / CELL; y++)
                for (int x = Math.max(0, bbox[6 * i]) / CELL; x <= Math.max(0, bbox[6 * i + 1] - 1) / CELL; x++) {
                    int c = ((int) panel[i] * cy + y) * cx + x;
                    for (int q = cellStart[c]; q < cellStart[c + 1]; q++) {
                        int j = members[q];
                        if (j <= i || seen[j] == i || !intersect(bbox, i, j)) continue;
                        seen[j] = i;
                        if (m == a.length) { a = Arrays.copyOf(a, 2 * m); b = Arrays.copyOf(b, 2 * m); }
                        a[m] = i;
                        b[m++] = j;
                        count[i + 1]++;
                        count[j + 1]++;
                    }
                }
        for (int i = 0; i < n; i++) count[i + 1] += count[i];
        int[] list = new int[2 * m], fill = Arrays.copyOf(count, n);
        for (int p = 0; p < m; p++) {
            list[fill[a[p]]++] = b[p];
            list[fill[b[p]]++] = a[p];
        }
        return new Overlaps(count, list);
    }

    private static boolean intersect(int[] bbox, int i, int j) {
        for (int k = 0; k < 6; k += 2)
            if (bbox[6 * i + k] >= bbox[6 * j + k + 1] || bbox[6 * j + k] >= bbox[6 * i + k + 1]) return false;
        return true;
    }
}
