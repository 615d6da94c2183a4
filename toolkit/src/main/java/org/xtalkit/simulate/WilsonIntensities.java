package org.xtalkit.simulate;

/**
 * True intensities of the simulated crystal: a random-phase (Wilson) model per symmetry-unique
 * reflection of I2₁3, the same for every symmetry mate, computed on demand from the seed and the
 * reflection's orbit (no table: any h can be asked for, by any thread).
 *
 * <p>The normalised intensity is exponential for acentric and chi-square with one degree of freedom
 * for centric reflections (Wilson 1949), multiplied by ε; then the overall Debye-Waller factor
 * exp(-B / 2d²). With an anomalous signal, the orbit of h and that of -h differ by the factors
 * 1 + δ and 1 - δ (δ Gaussian with rms {@code anomalous}), so Friedel mates differ consistently
 * while every mate under 23 agrees. I-centring absences (h + k + l odd) are zero.
 *
 * @param seed      random seed of the structure
 * @param bFactor   overall B, Å²
 * @param anomalous rms relative Friedel difference δ (0 for none)
 */
public record WilsonIntensities(long seed, double bFactor, double anomalous) {

    /** The intensity at B = 0 (units: normalised intensity times ε, mean ε over reflections). */
    public double intensityB0(int h, int k, int l) {
        if (((h + k + l) & 1) != 0 || (h == 0 && k == 0 && l == 0)) return 0;
        long key = PointGroup23.orbitKey(h, k, l);
        long friedelKey = PointGroup23.orbitKey(-h, -k, -l);
        boolean centric = key == friedelKey;
        long laueKey = Math.max(key, friedelKey);
        double u1 = uniform(laueKey, 1), u2 = uniform(laueKey, 2);
        double e2 = centric ? square(gaussian(u1, u2)) : -Math.log(u1);
        double i = PointGroup23.epsilon(h, k, l) * e2;
        if (anomalous > 0 && !centric) {
            double delta = Math.max(-0.9, Math.min(0.9, anomalous * gaussian(uniform(laueKey, 3), uniform(laueKey, 4))));
            i *= key == laueKey ? 1 + delta : 1 - delta;
        }
        return i;
    }

    /** The true intensity with the overall B at resolution d (Å). */
    public double intensity(int h, int k, int l, double d) {
        return intensityB0(h, k, l) * Math.exp(-bFactor / (2 * d * d));
    }

    public boolean isCentric(int h, int k, int l) { return PointGroup23.isCentric(h, k, l); }

    public int epsilon(int h, int k, int l) { return PointGroup23.epsilon(h, k, l); }

    /** A uniform number in (0, 1] from the seed, a reflection key and a stream number (SplitMix64). */
    private double uniform(long key, int stream) {
        long z = seed * 0x9E3779B97F4A7C15L + key * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return ((z >>> 11) + 1) * 0x1.0p-53;
    }

    private static double gaussian(double u1, double u2) {
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static double square(double x) { return x * x; }
}
