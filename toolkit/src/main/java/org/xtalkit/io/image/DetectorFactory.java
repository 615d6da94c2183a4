package org.xtalkit.io.image;

import org.xtalkit.math.Vec3;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Panel;

import java.util.List;

/**
 * Builds the detectors single-image formats describe, as dxtbx's DetectorFactory.simple: one flat
 * panel normal to the beam (along -z) at {@code distance}, offset so the direct beam hits the given
 * beam centre. Sensors with a known material get parallax correction with their NIST mu.
 */
public final class DetectorFactory {
    private DetectorFactory() {}

    /** Sensor description: type ("SENSOR_PAD", "SENSOR_CCD"), material (null if unknown), thickness in mm. */
    public record Sensor(String type, String material, double thickness) {
        public static Sensor pad(String material, double thickness) { return new Sensor("SENSOR_PAD", material, thickness); }
    }

    /**
     * @param distance     sample to detector along the beam, mm
     * @param beamCentre   beam centre (fast, slow) in mm from the corner of pixel (0, 0)
     * @param fast         fast axis in the lab frame
     * @param slow         slow axis
     * @param pixelSize    (fast, slow) mm
     * @param imageSize    (fast, slow) pixels
     * @param trusted      (min, max) trusted pixel values
     * @param wavelength   Å, for the sensor's attenuation coefficient
     */
    public static Detector simple(Sensor sensor, double distance, double[] beamCentre, Vec3 fast, Vec3 slow,
                                  double[] pixelSize, int[] imageSize, double[] trusted, double wavelength,
                                  String identifier, List<int[]> mask) {
        Vec3 origin = new Vec3(0, 0, -distance).minus(fast.times(beamCentre[0])).minus(slow.times(beamCentre[1]));
        boolean parallax = sensor.material() != null && Attenuation.knows(sensor.material()) && sensor.thickness() > 0;
        double mu = parallax ? Attenuation.muPerMm(sensor.material(), wavelength) : 0;
        Panel p = new Panel("Panel", sensor.type(), fast, slow, origin, new int[] {0, 0}, imageSize[0], imageSize[1],
                pixelSize[0], pixelSize[1], trusted[0], trusted[1], parallax ? sensor.thickness() : 0,
                sensor.material() == null ? "" : sensor.material(), mu, identifier == null ? "" : identifier,
                mask, 1.0, 0.0, parallax, null);
        return new Detector(List.of(p));
    }
}
