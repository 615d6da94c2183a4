package org.xtalkit;

import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Detector;
import org.xtalkit.model.DetectorGroup;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Model comparisons at the tolerance of the DIALS parity checks: 1e-6 relative (absolute near zero). */
public final class ModelAssert {
    private ModelAssert() {}

    public static final double REL = 1e-6;

    public static void close(double expected, double actual, String what) {
        double tol = REL * Math.max(1.0, Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= tol, what + ": expected " + expected + " but got " + actual);
    }

    public static void close(Vec3 e, Vec3 a, String what) {
        close(e.x(), a.x(), what + ".x");
        close(e.y(), a.y(), what + ".y");
        close(e.z(), a.z(), what + ".z");
    }

    public static void close(Mat3 e, Mat3 a, String what) {
        for (int i = 0; i < 9; i++) close(e.toArray()[i], a.toArray()[i], what + "[" + i + "]");
    }

    public static void close(double[] e, double[] a, String what) {
        assertEquals(e.length, a.length, what + " length");
        for (int i = 0; i < e.length; i++) close(e[i], a[i], what + "[" + i + "]");
    }

    public static void beam(Beam e, Beam a) {
        close(e.direction(), a.direction(), "beam direction");
        close(e.wavelength(), a.wavelength(), "wavelength");
        close(e.divergence(), a.divergence(), "divergence");
        close(e.sigmaDivergence(), a.sigmaDivergence(), "sigma_divergence");
        close(e.polarizationNormal(), a.polarizationNormal(), "polarization_normal");
        close(e.polarizationFraction(), a.polarizationFraction(), "polarization_fraction");
        close(e.flux(), a.flux(), "flux");
        close(e.transmission(), a.transmission(), "transmission");
    }

    public static void detector(Detector e, Detector a) {
        assertEquals(e.size(), a.size(), "number of panels");
        for (int i = 0; i < e.size(); i++) panel(e.panel(i), a.panel(i), "panel " + i);
        group(e.hierarchy(), a.hierarchy(), "hierarchy");
    }

    public static void panel(Panel e, Panel a, String w) {
        assertEquals(e.name(), a.name(), w + " name");
        assertEquals(e.type(), a.type(), w + " type");
        close(e.fastAxis(), a.fastAxis(), w + " fast_axis");
        close(e.slowAxis(), a.slowAxis(), w + " slow_axis");
        close(e.origin(), a.origin(), w + " origin");
        assertArrayEquals(e.rawImageOffset(), a.rawImageOffset(), w + " raw_image_offset");
        assertEquals(e.imageSizeFast(), a.imageSizeFast(), w + " image_size fast");
        assertEquals(e.imageSizeSlow(), a.imageSizeSlow(), w + " image_size slow");
        close(e.pixelSizeFast(), a.pixelSizeFast(), w + " pixel_size fast");
        close(e.pixelSizeSlow(), a.pixelSizeSlow(), w + " pixel_size slow");
        close(e.trustedMin(), a.trustedMin(), w + " trusted_range min");
        close(e.trustedMax(), a.trustedMax(), w + " trusted_range max");
        close(e.thickness(), a.thickness(), w + " thickness");
        assertEquals(e.material(), a.material(), w + " material");
        close(e.mu(), a.mu(), w + " mu");
        assertEquals(e.identifier(), a.identifier(), w + " identifier");
        assertEquals(e.mask().size(), a.mask().size(), w + " mask rectangles");
        for (int k = 0; k < e.mask().size(); k++) assertArrayEquals(e.mask().get(k), a.mask().get(k), w + " mask " + k);
        close(e.gain(), a.gain(), w + " gain");
        close(e.pedestal(), a.pedestal(), w + " pedestal");
        assertEquals(e.parallax(), a.parallax(), w + " px_mm_strategy");
        assertArrayEquals(e.projection2d(), a.projection2d(), w + " projection_2d");
    }

    public static void group(DetectorGroup e, DetectorGroup a, String w) {
        assertEquals(e.panelIndex(), a.panelIndex(), w + " panel index");
        if (e.isPanel()) return;
        assertEquals(e.name(), a.name(), w + " name");
        close(e.fastAxis(), a.fastAxis(), w + " fast_axis");
        close(e.slowAxis(), a.slowAxis(), w + " slow_axis");
        close(e.origin(), a.origin(), w + " origin");
        assertEquals(e.children().size(), a.children().size(), w + " children");
        for (int i = 0; i < e.children().size(); i++) group(e.children().get(i), a.children().get(i), w + "/" + i);
    }

    public static void goniometer(Goniometer e, Goniometer a) {
        if (e == null || a == null) { assertEquals(e, a, "goniometer"); return; }
        close(e.rotationAxis(), a.rotationAxis(), "rotation_axis");
        close(e.fixedRotation(), a.fixedRotation(), "fixed_rotation");
        close(e.settingRotation(), a.settingRotation(), "setting_rotation");
        assertEquals(e.axes().size(), a.axes().size(), "goniometer axes");
        for (int i = 0; i < e.axes().size(); i++) close(e.axes().get(i), a.axes().get(i), "axis " + i);
        close(e.angles(), a.angles(), "angles");
        assertEquals(e.names(), a.names(), "axis names");
        assertEquals(e.scanAxis(), a.scanAxis(), "scan_axis");
    }

    public static void scan(Scan e, Scan a) {
        if (e == null || a == null) { assertEquals(e, a, "scan"); return; }
        assertEquals(e.firstImage(), a.firstImage(), "image_range first");
        assertEquals(e.lastImage(), a.lastImage(), "image_range last");
        assertEquals(e.batchOffset(), a.batchOffset(), "batch_offset");
        close(e.oscillationStart(), a.oscillationStart(), "oscillation start");
        close(e.oscillationWidth(), a.oscillationWidth(), "oscillation width");
        close(e.exposureTimes(), a.exposureTimes(), "exposure_time");
        close(e.epochs(), a.epochs(), "epochs");
    }
}
