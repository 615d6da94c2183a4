package org.xtalkit.model;

import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.math.Vec3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Geometry derived from the reference detectors equals what dxtbx 3.12 computes for them (numbers
 * from dxtbx's Panel/Detector on the same .expt files): parallax px<->mm, beam centre, resolution
 * limits, and panel frames composed through the I23 hierarchy.
 */
class DetectorDxtbxParityTest {

    private static Experiment ref(String name) { return ExptFile.read(SharedData.reference(name)).get(0); }

    @Test
    void parallaxPixelMillimetreConversionsMatchDxtbx() {
        Panel p = ref("DLS_I03_smargon_0001.imported.expt").detector().panel(0);
        assertArrayEquals(new double[] {17.412519233707727, 343.9533579357286}, p.pixelToMm(100.5, 2000.25), 1e-9);
        assertArrayEquals(new double[] {99.80653419888229, 1454.243865738765}, p.mmToPixel(17.3, 250.1), 1e-9);
        Panel e = ref("dlsnxs2cbf_therm_0001.imported.expt").detector().panel(0);
        assertArrayEquals(new double[] {7.635156565329964, 150.0326057141605}, e.pixelToMm(100.5, 2000.25), 1e-9);
        assertArrayEquals(new double[] {229.4486668118313, 3335.3011628386407}, e.mmToPixel(17.3, 250.1), 1e-9);
    }

    @Test
    void beamCentreAndResolutionLimitsMatchDialsShow() {
        Experiment s = ref("DLS_I03_smargon_0001.imported.expt");
        assertArrayEquals(new double[] {1229.3023255813955, 1200.46511627907}, s.detector().panel(0).beamCentrePx(s.beam()), 1e-9);
        assertEquals(1.2267562031332309, s.detector().maxResolutionAtCorners(s.beam()), 1e-12);
        assertEquals(1.6100913131690313, s.detector().maxInscribedResolution(s.beam()), 1e-12);
        Experiment t = ref("dlsnxs2cbf_therm_0001.imported.expt");
        assertEquals(1.1999994255188307, t.detector().maxResolutionAtCorners(t.beam()), 1e-12);
        assertEquals(1.6721289814045333, t.detector().maxInscribedResolution(t.beam()), 1e-12);
    }

    @Test
    void i23PanelsAreCarriedThroughTheHierarchyToTheLab() {
        Experiment x = ref("DLS_I23_P12M_thau_00001.imported.expt");
        Panel p0 = x.detector().panel(0);
        assertVec(new Vec3(-1, 0, 0), p0.fastAxis());
        assertVec(new Vec3(0, -0.1434667129292877, -0.9896551431085807), p0.slowAxis());
        assertVec(new Vec3(185.76000000000002, -245.17554499993312, 42.49288463654608), p0.origin());
        assertArrayEquals(new double[] {1080.0000000000002, 50.97589574945235}, x.detector().panel(12).beamCentrePx(x.beam()), 1e-9);
        assertEquals(12, x.detector().panelHitBy(x.beam().s0()));
        assertEquals(1.8272060815470552, x.detector().maxResolutionAtCorners(x.beam()), 1e-12);
        assertEquals(2.4805658313671395, x.detector().maxInscribedResolution(x.beam()), 1e-12);
        // and back: local frames are what the file holds
        Panel local = x.detector().localPanels().get(0);
        assertVec(new Vec3(0, -0.1434667129292877, 0.9896551431085807), local.slowAxis());
    }

    private static void assertVec(Vec3 e, Vec3 a) {
        assertArrayEquals(e.toArray(), a.toArray(), 1e-9);
    }
}
