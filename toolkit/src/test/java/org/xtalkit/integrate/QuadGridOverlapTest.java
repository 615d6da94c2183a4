package org.xtalkit.integrate;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuadGridOverlapTest {
    private final QuadGridOverlap overlap = new QuadGridOverlap();
    private final int[] cells = new int[64];
    private final double[] fracs = new double[64];

    @Test void squareOverFourByFourCellsSplitsByArea() {
        // [0.5, 2.5]²: corner cells get 1/16, edge cells 1/8, the middle cell 1/4
        int m = overlap.overlap(new double[] {0.5, 2.5, 2.5, 0.5}, new double[] {0.5, 0.5, 2.5, 2.5}, 11, cells, fracs, 0);
        double[] byCell = new double[121];
        for (int i = 0; i < m; i++) byCell[cells[i]] += fracs[i];
        assertEquals(1.0 / 16, byCell[0], 1e-12);
        assertEquals(1.0 / 8, byCell[1], 1e-12);
        assertEquals(1.0 / 16, byCell[2], 1e-12);
        assertEquals(1.0 / 8, byCell[11], 1e-12);
        assertEquals(1.0 / 4, byCell[12], 1e-12);
        assertEquals(1.0 / 16, byCell[24], 1e-12);
    }

    @Test void rotatedQuadsMatchSamplingAndSumToOne() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            // a parallelogram inside the 11×11 grid, as a pixel seen in the Kabsch frame
            double cx = 3 + 5 * rng.nextDouble(), cy = 3 + 5 * rng.nextDouble();
            double ax = 2 * rng.nextDouble() - 1, ay = 2 * rng.nextDouble() - 1;
            double bx = -ay * 1.3 + 0.2, by = ax * 1.3;
            double[] qx = {cx - ax - bx, cx + ax - bx, cx + ax + bx, cx - ax + bx};
            double[] qy = {cy - ay - by, cy + ay - by, cy + ay + by, cy - ay + by};
            int m = overlap.overlap(qx, qy, 11, cells, fracs, 0);
            double[] byCell = new double[121];
            double total = 0;
            for (int i = 0; i < m; i++) {
                byCell[cells[i]] += fracs[i];
                total += fracs[i];
            }
            assertEquals(1, total, 1e-12);
            double[] sampled = new double[121];
            int ns = 400;
            for (int u = 0; u < ns; u++)
                for (int v = 0; v < ns; v++) {
                    double s = (u + 0.5) / ns * 2 - 1, t = (v + 0.5) / ns * 2 - 1;
                    double x = cx + s * ax + t * bx, y = cy + s * ay + t * by;
                    sampled[(int) Math.floor(y) * 11 + (int) Math.floor(x)] += 1.0 / (ns * ns);
                }
            for (int c = 0; c < 121; c++) assertEquals(sampled[c], byCell[c], 0.01, "cell " + c);
        }
    }

    @Test void partsOutsideTheGridAreDropped() {
        int m = overlap.overlap(new double[] {-1, 1, 1, -1}, new double[] {-1, -1, 1, 1}, 11, cells, fracs, 0);
        assertEquals(1, m);
        assertEquals(0, cells[0]);
        assertEquals(0.25, fracs[0], 1e-12);
    }
}
