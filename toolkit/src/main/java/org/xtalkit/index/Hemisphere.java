package org.xtalkit.index;

/** Near-uniform directions over a hemisphere (Fibonacci lattice), flat xyz, for 1D searches. */
final class Hemisphere {
    private Hemisphere() {}

    /** About 2π/spacing² directions with z ≥ 0, spacing in radians. */
    static double[] directions(double spacing) {
        int n = (int) Math.ceil(2 * Math.PI / (spacing * spacing));
        double[] out = new double[3 * n];
        double golden = Math.PI * (3 - Math.sqrt(5));
        for (int i = 0; i < n; i++) {
            double z = 1 - (i + 0.5) / n;            // (0, 1]
            double r = Math.sqrt(1 - z * z), t = golden * i;
            out[3 * i] = r * Math.cos(t); out[3 * i + 1] = r * Math.sin(t); out[3 * i + 2] = z;
        }
        return out;
    }
}
