package org.xtalkit.geometry;

import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Panel;

/**
 * The intensity corrections DIALS applies and stores: {@code lp} (Lorentz / polarisation, the
 * factor that multiplies a raw intensity) and {@code qe} (detector quantum efficiency, the factor
 * that divides it).
 */
public final class Corrections {
    private Corrections() {}

    /**
     * Lorentz-polarisation multiplier: L / P with L = |s1·(m2×s0)| / (|s0||s1|) and P the
     * polarisation factor for a beam polarised by fraction pf in the plane normal to pn.
     * For stills (m2 = null) L = 1.
     */
    public static double lp(Beam beam, Vec3 m2, Vec3 s1) {
        Vec3 s0 = beam.s0();
        double s1l = s1.length(), s0l = s0.length();
        double l = m2 == null ? 1 : Math.abs(s1.dot(m2.cross(s0))) / (s0l * s1l);
        double pf = beam.polarizationFraction();
        double p1 = beam.polarizationNormal().dot(s1) / s1l;
        double p3 = s1.dot(s0) / (s1l * s0l);
        double p = (1 - 2 * pf) * (1 - p1 * p1) + pf * (1 + p3 * p3);
        return l / p;
    }

    /** Fraction of photons absorbed in the sensor along s1: 1 - exp(-mu t / cos θ). */
    public static double qe(Panel panel, Vec3 s1) {
        if (panel.mu() <= 0 || panel.thickness() <= 0) return 1;
        double cos = Math.abs(Math.cos(panel.normal().angle(s1)));
        return 1 - Math.exp(-panel.mu() * panel.thickness() / cos);
    }
}
