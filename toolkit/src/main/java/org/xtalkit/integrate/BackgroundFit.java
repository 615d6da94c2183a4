package org.xtalkit.integrate;

/**
 * A fitted background model of one shoebox, as DIALS' simple background models: constant3d (one
 * value), constant2d (one per frame), linear2d (a + b·x + c·y per frame), linear3d (a + b·x + c·y +
 * d·z); x, y, z the pixel centres within the shoebox (i + 0.5, ...). Kept per reflection between
 * the two passes over the images, so the fit is not repeated.
 */
record BackgroundFit(String model, double[] coef) {

    static BackgroundFit constant(double value) { return new BackgroundFit("constant3d", new double[] {value}); }

    /** The background of pixel (i, j) on frame k of the shoebox. */
    double value(int k, int j, int i) {
        double x = i + 0.5, y = j + 0.5, z = k + 0.5;
        return switch (model) {
            case "constant3d" -> coef[0];
            case "constant2d" -> coef[k];
            case "linear2d" -> coef[3 * k] + coef[3 * k + 1] * x + coef[3 * k + 2] * y;
            case "linear3d" -> coef[0] + coef[1] * x + coef[2] * y + coef[3] * z;
            default -> throw new IllegalStateException(model);
        };
    }

    /** Fills the background of a shoebox of nx × ny × nz pixels (x fastest). */
    void fill(int nx, int ny, int nz, float[] out) {
        for (int k = 0, p = 0; k < nz; k++)
            for (int j = 0; j < ny; j++)
                for (int i = 0; i < nx; i++) out[p++] = (float) value(k, j, i);
    }
}
