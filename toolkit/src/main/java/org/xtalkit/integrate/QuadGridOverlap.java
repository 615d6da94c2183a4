package org.xtalkit.integrate;

/**
 * The fraction of a convex quadrilateral (a detector pixel mapped into the profile grid) that
 * falls in each unit cell of an n × n grid, as DIALS' quad_to_grid: the quad is cut into columns at
 * x = integer, each column into cells at y = integer, and each piece's area (shoelace) divided by
 * the quad's. Fractions of one quad sum to 1 when it lies inside the grid, so counts are conserved.
 * Holds scratch buffers: one instance per thread.
 */
final class QuadGridOverlap {
    private static final int MAX = 16;
    private final double[] remX = new double[MAX], remY = new double[MAX];
    private final double[] colX = new double[MAX], colY = new double[MAX];
    private final double[] cellX = new double[MAX], cellY = new double[MAX];
    private final double[] tmpX = new double[MAX], tmpY = new double[MAX];
    private final double[] rowX = new double[MAX], rowY = new double[MAX];
    private final double[] junkX = new double[MAX], junkY = new double[MAX];
    private int nRem, nCol, nCell, nTmp;

    /**
     * @param qx,qy  the quad's corners in grid units, in order around it (either sense)
     * @param n      grid size (cells [0, n) on both axes)
     * @param cells  out: cell index y·n + x of each piece, from offset
     * @param fracs  out: fraction of the quad's area in that cell
     * @return number of pieces written
     */
    int overlap(double[] qx, double[] qy, int n, int[] cells, double[] fracs, int offset) {
        double area = Math.abs(area(qx, qy, 4));
        if (!(area > 0)) return 0;
        double minX = Math.min(Math.min(qx[0], qx[1]), Math.min(qx[2], qx[3]));
        double maxX = Math.max(Math.max(qx[0], qx[1]), Math.max(qx[2], qx[3]));
        double minY = Math.min(Math.min(qy[0], qy[1]), Math.min(qy[2], qy[3]));
        double maxY = Math.max(Math.max(qy[0], qy[1]), Math.max(qy[2], qy[3]));
        if (maxX <= 0 || maxY <= 0 || minX >= n || minY >= n) return 0;
        int c0 = Math.max(0, (int) Math.floor(minX)), c1 = Math.min(n - 1, (int) Math.floor(maxX));
        int r0 = Math.max(0, (int) Math.floor(minY)), r1 = Math.min(n - 1, (int) Math.floor(maxY));
        double inv = 1 / area;
        int out = offset;
        if (c0 == c1 && r0 == r1 && minX >= c0 && maxX <= c0 + 1 && minY >= r0 && maxY <= r0 + 1) {
            cells[out] = r0 * n + c0;
            fracs[out] = 1;
            return 1;
        }
        System.arraycopy(qx, 0, remX, 0, 4);
        System.arraycopy(qy, 0, remY, 0, 4);
        nRem = 4;
        if (minX < c0) nRem = keepAbove(remX, remY, nRem, true, c0);
        for (int c = c0; c <= c1 && nRem >= 3; c++) {
            // column c = part of the remainder left of c + 1; the rest stays for the next column
            if (c == c1 && maxX <= c + 1) {  // the last column is what remains
                System.arraycopy(remX, 0, colX, 0, nRem);
                System.arraycopy(remY, 0, colY, 0, nRem);
                nCol = nRem;
                nRem = 0;
            } else {
                nCol = cut(remX, remY, nRem, true, c + 1, colX, colY, tmpX, tmpY);
                nRem = nTmp;
                System.arraycopy(tmpX, 0, remX, 0, nRem);
                System.arraycopy(tmpY, 0, remY, 0, nRem);
            }
            if (nCol < 3) continue;
            double cMinY = Double.POSITIVE_INFINITY, cMaxY = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < nCol; i++) {
                cMinY = Math.min(cMinY, colY[i]);
                cMaxY = Math.max(cMaxY, colY[i]);
            }
            int a0 = Math.max(r0, (int) Math.floor(cMinY)), a1 = Math.min(r1, (int) Math.floor(cMaxY));
            if (cMinY < a0) nCol = keepAbove(colX, colY, nCol, false, a0);
            for (int r = a0; r <= a1 && nCol >= 3; r++) {
                double a;
                if (r == a1 && cMaxY <= r + 1) {  // the last cell of the column is what remains
                    a = Math.abs(area(colX, colY, nCol));
                    nCol = 0;
                } else {
                    nCell = cut(colX, colY, nCol, false, r + 1, cellX, cellY, rowX, rowY);
                    nCol = nTmp;
                    System.arraycopy(rowX, 0, colX, 0, nCol);
                    System.arraycopy(rowY, 0, colY, 0, nCol);
                    if (nCell < 3) continue;
                    a = Math.abs(area(cellX, cellY, nCell));
                }
                if (a > 0) {
                    cells[out] = r * n + c;
                    fracs[out] = a * inv;
                    out++;
                }
            }
        }
        return out - offset;
    }

    /**
     * Cut a convex polygon by the line (x or y) = v: the part below v goes to (lowX, lowY) (its size
     * returned), the part above to (highX, highY) (size in nTmp).
     */
    private int cut(double[] px, double[] py, int n, boolean onX, double v,
                    double[] lowX, double[] lowY, double[] highX, double[] highY) {
        int nl = 0, nh = 0;
        for (int i = 0; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            double si = (onX ? px[i] : py[i]) - v, sj = (onX ? px[j] : py[j]) - v;
            if (si <= 0) { lowX[nl] = px[i]; lowY[nl++] = py[i]; }
            if (si >= 0) { highX[nh] = px[i]; highY[nh++] = py[i]; }
            if ((si < 0 && sj > 0) || (si > 0 && sj < 0)) {
                double t = si / (si - sj);
                double x = px[i] + t * (px[j] - px[i]), y = py[i] + t * (py[j] - py[i]);
                if (onX) x = v; else y = v;
                lowX[nl] = x; lowY[nl++] = y;
                highX[nh] = x; highY[nh++] = y;
            }
        }
        nTmp = nh;
        return nl;
    }

    /** Keep, in place, the part of a polygon above the line (x or y) = v. */
    private int keepAbove(double[] px, double[] py, int n, boolean onX, double v) {
        cut(px, py, n, onX, v, junkX, junkY, tmpX, tmpY);
        System.arraycopy(tmpX, 0, px, 0, nTmp);
        System.arraycopy(tmpY, 0, py, 0, nTmp);
        return nTmp;
    }

    private static double area(double[] x, double[] y, int n) {
        double s = 0;
        for (int i = 0, j = n - 1; i < n; j = i++) s += x[j] * y[i] - x[i] * y[j];
        return 0.5 * s;
    }
}
