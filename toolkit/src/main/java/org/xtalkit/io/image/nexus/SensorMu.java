package org.xtalkit.io.image.nexus;

import org.xtalkit.io.image.Attenuation;

/**
 * The linear attenuation coefficient of a detector sensor (mm⁻¹) for the panel's parallax
 * correction, as dxtbx takes it from cctbx.eltbx.attenuation_coefficient (table / 10): the shared
 * NIST tables of {@link Attenuation}.
 */
final class SensorMu {
    private SensorMu() {}

    /** mm⁻¹ for the material at the wavelength (Å), or 0 when no table is available. */
    static double mu(String material, double wavelength) {
        return Attenuation.knows(material) ? Attenuation.muPerMm(material, wavelength) : 0;
    }

    /** True once a real table backs {@link #mu}. */
    static boolean available() { return true; }
}
