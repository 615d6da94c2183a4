package org.xtalkit.spots;

import java.util.Arrays;
import java.util.Locale;

/**
 * Found spots against the true spots. A spot matches a true spot when its centroid lies within
 * {@code dxy} pixels (x and y) and within the true spot's extent in φ (its centroid ± {@code nSigmaZ}
 * rocking-curve σ, and at least ± {@code dzMin} images); it is assigned to the nearest such true
 * spot. A true spot is found when a spot is assigned to it. Two kinds of spots are told apart and
 * counted, not hidden: pieces (further spots assigned to an already-found true spot: a spot split
 * in two) and merged spots (a spot whose window holds more than one true spot with I/σ above the
 * bar: neighbours that touch).
 */
final class TruthMatch {
    final double dxy, nSigmaZ, dzMin;
    final int[] assigned;         // per spot: true spot or -1
    final int[] spotsOf;          // per true spot: how many spots were assigned to it
    final int[] strongInWindow;   // per spot: how many true spots with I/σ above the bar lie in its window

    TruthMatch(TrueSpots truth, double[] xyz, double minIOverSigma, double dxy, double nSigmaZ, double dzMin) {
        this.dxy = dxy;
        this.nSigmaZ = nSigmaZ;
        this.dzMin = dzMin;
        int nSpots = xyz.length / 3;
        assigned = new int[nSpots];
        strongInWindow = new int[nSpots];
        spotsOf = new int[truth.n];
        Grid grid = new Grid(truth, 8);
        for (int s = 0; s < nSpots; s++) {
            double sx = xyz[3 * s], sy = xyz[3 * s + 1], sz = xyz[3 * s + 2];
            int best = -1;
            double bestD = Double.MAX_VALUE;
            for (int r : grid.near(sx, sy)) {
                double dx = sx - truth.x[r], dy = sy - truth.y[r], dz = sz - truth.z[r];
                double zw = Math.max(dzMin, nSigmaZ * truth.sigmaZ[r]);
                if (Math.abs(dx) > dxy || Math.abs(dy) > dxy || Math.abs(dz) > zw || truth.counts[r] <= 0) continue;
                if (truth.iOverSigma(r) > minIOverSigma) strongInWindow[s]++;
                double d = (dx * dx + dy * dy) / (dxy * dxy) + dz * dz / (zw * zw);
                if (d < bestD) { bestD = d; best = r; }
            }
            assigned[s] = best;
            if (best >= 0) spotsOf[best]++;
        }
    }

    int unmatched() {
        int u = 0;
        for (int a : assigned) if (a < 0) u++;
        return u;
    }

    /** Spots beyond the first assigned to the same true spot. */
    int pieces() {
        int p = 0;
        for (int c : spotsOf) if (c > 1) p += c - 1;
        return p;
    }

    int merged() {
        int m = 0;
        for (int c : strongInWindow) if (c > 1) m++;
        return m;
    }

    /** True spots above the bar, and how many of them were found. */
    int[] strongFound(TrueSpots truth, double minIOverSigma) {
        int strong = 0, found = 0;
        for (int r = 0; r < truth.n; r++) {
            if (!(truth.iOverSigma(r) > minIOverSigma)) continue;
            strong++;
            if (spotsOf[r] > 0) found++;
        }
        return new int[] {strong, found};
    }

    String summary(TrueSpots truth, double minIOverSigma) {
        int[] sf = strongFound(truth, minIOverSigma);
        int nSpots = assigned.length;
        return String.format(Locale.ROOT,
                "true spots with I/sigma > %.0f: %d, found %d (%.2f %%); spots %d, unmatched %d (%.2f %%), pieces %d, merged %d",
                minIOverSigma, sf[0], sf[1], 100.0 * sf[1] / sf[0], nSpots, unmatched(), 100.0 * unmatched() / nSpots,
                pieces(), merged());
    }

    /** True spots bucketed by pixel cell, for neighbour search. */
    private static final class Grid {
        final double cell;
        final int nx, ny;
        final int[] start, items;

        Grid(TrueSpots t, double cell) {
            this.cell = cell;
            double mx = 0, my = 0;
            for (int r = 0; r < t.n; r++) { mx = Math.max(mx, t.x[r]); my = Math.max(my, t.y[r]); }
            nx = (int) (mx / cell) + 2;
            ny = (int) (my / cell) + 2;
            start = new int[nx * ny + 1];
            for (int r = 0; r < t.n; r++) start[key(t.x[r], t.y[r]) + 1]++;
            for (int k = 0; k < nx * ny; k++) start[k + 1] += start[k];
            items = new int[t.n];
            int[] fill = Arrays.copyOf(start, nx * ny);
            for (int r = 0; r < t.n; r++) items[fill[key(t.x[r], t.y[r])]++] = r;
        }

        private int key(double x, double y) {
            int i = Math.min(nx - 1, Math.max(0, (int) Math.floor(x / cell)));
            int j = Math.min(ny - 1, Math.max(0, (int) Math.floor(y / cell)));
            return j * nx + i;
        }

        /** True spots in the 3 × 3 cells around (x, y). */
        int[] near(double x, double y) {
            int ci = (int) Math.floor(x / cell), cj = (int) Math.floor(y / cell);
            int[] out = new int[0];
            for (int j = Math.max(0, cj - 1); j <= Math.min(ny - 1, cj + 1); j++) {
                int a = start[j * nx + Math.max(0, ci - 1)], b = start[j * nx + Math.min(nx - 1, ci + 1) + 1];
                if (b <= a) continue;
                int old = out.length;
                out = Arrays.copyOf(out, old + b - a);
                System.arraycopy(items, a, out, old, b - a);
            }
            return out;
        }
    }
}
