package org.xtalkit.integrate;

/**
 * Where the reference profiles sit, as DIALS' GridSampler ("regular_grid"): nx × ny detector
 * regions × nz scan blocks, each profile at the centre of its block. A reflection is fitted with
 * the profile of its block ({@link #nearest}); while the profiles are learned it also feeds the
 * neighbouring blocks with a Gaussian weight of FWHM one block ({@link #weight}). With nx = ny = 1
 * (multi-panel detectors, DIALS' "single") only the scan position counts.
 */
final class ProfileGridSampler {
    private final int nx, ny, nz;
    private final double stepX, stepY, stepZ, z0;

    /**
     * @param width  image width (pixels)
     * @param height image height (pixels)
     * @param frame0 first frame of the scan (array range start)
     * @param frame1 end of the scan (array range end, exclusive)
     */
    ProfileGridSampler(int width, int height, int frame0, int frame1, int nx, int ny, int nz) {
        if (nx < 1 || ny < 1 || nz < 1 || frame1 <= frame0 || width < 1 || height < 1)
            throw new IllegalArgumentException("profile grid " + nx + "x" + ny + "x" + nz + " over frames "
                    + frame0 + ".." + frame1 + " of a " + width + "x" + height + " image");
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.stepX = (double) width / nx;
        this.stepY = (double) height / ny;
        this.stepZ = (double) (frame1 - frame0) / nz;
        this.z0 = frame0;
    }

    public int size() { return nx * ny * nz; }

    /** True when (x, y) lies on the image and z within the scan: DIALS' sampler refuses anything else. */
    public boolean contains(double x, double y, double z) {
        return x >= 0 && y >= 0 && x < stepX * nx && y < stepY * ny && z >= z0 && z < z0 + stepZ * nz;
    }

    /** Index of the block holding pixel (x, y) on frame z (clamped to the grid). */
    public int nearest(double x, double y, double z) {
        int ix = clamp((int) Math.floor(x / stepX), nx), iy = clamp((int) Math.floor(y / stepY), ny),
                iz = clamp((int) Math.floor((z - z0) / stepZ), nz);
        return ix + nx * (iy + ny * iz);
    }

    /** The block and its neighbours (up to 27), the block itself last as in DIALS' nearest_n. */
    public int[] nearestN(double x, double y, double z) {
        int index = nearest(x, y, z);
        int i = index % nx, j = (index / nx) % ny, k = index / (nx * ny);
        int[] out = new int[27];
        int n = 0;
        for (int kk = k - 1; kk <= k + 1; kk++)
            for (int jj = j - 1; jj <= j + 1; jj++)
                for (int ii = i - 1; ii <= i + 1; ii++) {
                    if (ii < 0 || jj < 0 || kk < 0 || ii >= nx || jj >= ny || kk >= nz) continue;
                    int idx = ii + nx * (jj + ny * kk);
                    if (idx != index) out[n++] = idx;
                }
        out[n++] = index;
        return java.util.Arrays.copyOf(out, n);
    }

    /** exp(-4 ln2 d²), d the distance from the block centre in block steps (DIALS' weight). */
    public double weight(int index, double x, double y, double z) {
        double[] c = coord(index);
        double dz = (c[2] - z) / stepZ;
        double d2 = dz * dz;
        if (nx > 1 || ny > 1) {
            double dx = (c[0] - x) / stepX, dy = (c[1] - y) / stepY;
            d2 += dx * dx + dy * dy;
        }
        return Math.exp(-4 * Math.log(2) * d2);
    }

    /** Centre (x, y pixels; z frames) of a block. */
    public double[] coord(int index) {
        int i = index % nx, j = (index / nx) % ny, k = index / (nx * ny);
        return new double[] {(i + 0.5) * stepX, (j + 0.5) * stepY, (k + 0.5) * stepZ + z0};
    }

    /** Squared distance between two block centres in block steps. */
    double blockDistance2(int a, int b) {
        int da = a % nx - b % nx, db = (a / nx) % ny - (b / nx) % ny, dc = a / (nx * ny) - b / (nx * ny);
        return da * da + db * db + dc * dc;
    }

    private static int clamp(int i, int n) { return i < 0 ? 0 : Math.min(i, n - 1); }
}
