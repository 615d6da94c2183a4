package org.xtalkit.io.image.nexus;

/**
 * The linear attenuation coefficient of a detector sensor (mm⁻¹) for the panel's parallax
 * correction, as dxtbx takes it from cctbx.eltbx.attenuation_coefficient (table / 10).
 *
 * <p>PLACE HOLDER: the attenuation tables are written for the CBF reader by another part of the
 * project; until they land, this returns 0 (dxtbx then uses no parallax shift). Replace the body
 * with a call to the shared table when it is merged.
 */
final class SensorMu {
    private SensorMu() {}

    /** mm⁻¹ for the material at the wavelength (Å), or 0 when no table is available. */
    static double mu(String material, double wavelength) {
        return 0;
    }

    /** True once a real table backs {@link #mu}. */
    static boolean available() { return false; }
}
