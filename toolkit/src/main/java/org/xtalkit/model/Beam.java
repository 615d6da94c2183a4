package org.xtalkit.model;

import org.xtalkit.math.Vec3;

/**
 * The incident beam, as dxtbx's Beam. {@code direction} points from the sample towards the
 * source (dxtbx convention), so the incident wave vector is {@code s0 = -direction / wavelength}.
 *
 * @param direction            unit vector sample -> source (normalised on construction)
 * @param wavelength           Å
 * @param divergence           beam divergence, degrees
 * @param sigmaDivergence      standard deviation of the divergence, degrees
 * @param polarizationNormal   normal to the polarisation plane
 * @param polarizationFraction fraction of the beam polarised in the plane (0.999 at synchrotrons)
 * @param flux                 photons/s (0 when unknown)
 * @param transmission         attenuator transmission (1 when unknown)
 */
public record Beam(Vec3 direction, double wavelength, double divergence, double sigmaDivergence,
                   Vec3 polarizationNormal, double polarizationFraction, double flux, double transmission) {

    public Beam {
        direction = direction.normalize();
        if (!(wavelength > 0)) throw new IllegalArgumentException("wavelength must be > 0 Å, got " + wavelength);
    }

    /** A beam along -z (dxtbx direction +z) with synchrotron defaults. */
    public static Beam simple(double wavelength) {
        return new Beam(new Vec3(0, 0, 1), wavelength, 0, 0, new Vec3(0, 1, 0), 0.999, 0, 1);
    }

    /** Incident wave vector, length 1/λ, pointing from source to sample. */
    public Vec3 s0() { return direction.times(-1 / wavelength); }

    /** Unit vector along the incident beam (source -> sample). */
    public Vec3 unitS0() { return direction.negate(); }

    public Beam withWavelength(double w) {
        return new Beam(direction, w, divergence, sigmaDivergence, polarizationNormal, polarizationFraction, flux, transmission);
    }

    /** The beam whose s0 is the given vector (its length sets the wavelength). */
    public Beam withS0(Vec3 s0) {
        return new Beam(s0.negate(), 1 / s0.length(), divergence, sigmaDivergence, polarizationNormal,
                polarizationFraction, flux, transmission);
    }
}
