package org.xtalkit.spots;

import java.util.Random;

/** Synthetic diffraction-like images for tests: Poisson background plus Gaussian spots. */
final class Synthetic {
    private Synthetic() {}

    static int[] image(Random rnd, int w, int h, int spots, double background) {
        double[] mean = new double[w * h];
        java.util.Arrays.fill(mean, background);
        for (int s = 0; s < spots; s++) {
            double cx = rnd.nextDouble() * w, cy = rnd.nextDouble() * h;
            double sigma = 0.6 + rnd.nextDouble(), total = 50 + rnd.nextDouble() * 3000;
            addSpot(mean, w, h, cx, cy, sigma, total);
        }
        int[] img = new int[w * h];
        for (int k = 0; k < img.length; k++) img[k] = poisson(rnd, mean[k]);
        return img;
    }

    static void addSpot(double[] mean, int w, int h, double cx, double cy, double sigma, double total) {
        int r = (int) Math.ceil(4 * sigma);
        for (int y = Math.max(0, (int) cy - r); y <= Math.min(h - 1, (int) cy + r); y++)
            for (int x = Math.max(0, (int) cx - r); x <= Math.min(w - 1, (int) cx + r); x++) {
                double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
                mean[y * w + x] += total / (2 * Math.PI * sigma * sigma) * Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
            }
    }

    static int poisson(Random rnd, double mean) {
        if (mean > 50) return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * rnd.nextGaussian()));
        double l = Math.exp(-mean), p = 1;
        int k = 0;
        do { k++; p *= rnd.nextDouble(); } while (p > l);
        return k - 1;
    }
}
