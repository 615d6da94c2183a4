package org.xtalkit.simulate;

import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;

import java.util.List;

/**
 * The beamline of the DIALS insulin tutorial: DLS i04 with an Eiger 16M (4148 × 4362 pixels of
 * 75 µm: 4 × 8 modules of 1028 × 512 pixels, 12-pixel gaps between module columns and 38 between
 * rows), optionally binned b × b. Geometry as dials.import gives it: fast (1,0,0), slow (0,-1,0),
 * beam along -z, rotation axis (1,0,0), parallax-corrected Si 450 µm sensor.
 */
public final class I04Eiger16M {
    public static final int NX = 4148, NY = 4362;
    public static final double PIXEL_MM = 0.075;
    public static final int MODULE_FAST = 1028, MODULE_SLOW = 512, GAP_FAST = 12, GAP_SLOW = 38;
    public static final double WAVELENGTH = 0.953738;
    public static final double DISTANCE_MM = 170.0;
    public static final double BEAM_X_PX = 2121.07, BEAM_Y_PX = 2221.33;
    public static final double TRUSTED_MIN = -1, TRUSTED_MAX = 33005;
    public static final double THICKNESS_MM = 0.45;
    /** Linear attenuation of Si at 0.953738 Å (mm⁻¹), as dxtbx's cctbx table gives it. */
    public static final double MU_SI = 3.663091777148076;
    public static final double EXPOSURE_S = 0.01;
    public static final double EPOCH_START = 1.7e9;

    private I04Eiger16M() {}

    public static Beam beam() { return Beam.simple(WAVELENGTH); }

    public static Goniometer goniometer() { return Goniometer.singleAxis(new Vec3(1, 0, 0)); }

    /**
     * The detector binned b × b, with the direct beam at (beamX, beamY) pixels of the binned image and
     * the given distance: dxtbx's "simple" detector, origin = -bx·fast - by·slow - d·z.
     */
    public static Detector detector(int binning, double beamXpx, double beamYpx, double distanceMm) {
        int nx = NX / binning, ny = NY / binning;
        double px = PIXEL_MM * binning;
        Vec3 fast = new Vec3(1, 0, 0), slow = new Vec3(0, -1, 0);
        Vec3 origin = fast.times(-beamXpx * px).plus(slow.times(-beamYpx * px)).plus(new Vec3(0, 0, -distanceMm));
        Panel p = new Panel("Panel", "SENSOR_PAD", fast, slow, origin, new int[] {0, 0}, nx, ny, px, px,
                TRUSTED_MIN, TRUSTED_MAX, THICKNESS_MM, "Si", MU_SI, "", List.of(), 1.0, 0.0, true, null);
        return new Detector(List.of(p));
    }

    /** The true detector: tutorial beam centre and distance. */
    public static Detector detector(int binning) {
        return detector(binning, BEAM_X_PX / binning, BEAM_Y_PX / binning, DISTANCE_MM);
    }

    public static Scan scan(int nImages, double oscillationStart, double oscillationWidth) {
        return scan(nImages, oscillationStart, oscillationWidth, 0);
    }

    /** A scan recorded frameOffset exposures after the first image of the data collection. */
    public static Scan scan(int nImages, double oscillationStart, double oscillationWidth, int frameOffset) {
        double[] exposure = new double[nImages], epochs = new double[nImages];
        for (int i = 0; i < nImages; i++) {
            exposure[i] = EXPOSURE_S;
            epochs[i] = EPOCH_START + (frameOffset + i) * EXPOSURE_S;
        }
        return new Scan(1, nImages, 0, oscillationStart, oscillationWidth, exposure, epochs);
    }

    /**
     * Module gaps of the binned image, slow-major (true = gap). A binned pixel is a gap when any of
     * its b × b detector pixels is: it has no full set of counts.
     */
    public static boolean[] gapMask(int binning) {
        int nx = NX / binning, ny = NY / binning;
        boolean[] colGap = new boolean[nx], rowGap = new boolean[ny];
        for (int i = 0; i < nx * binning; i++) if (i % (MODULE_FAST + GAP_FAST) >= MODULE_FAST) colGap[i / binning] = true;
        for (int j = 0; j < ny * binning; j++) if (j % (MODULE_SLOW + GAP_SLOW) >= MODULE_SLOW) rowGap[j / binning] = true;
        boolean[] mask = new boolean[nx * ny];
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++) mask[j * nx + i] = rowGap[j] || colGap[i];
        return mask;
    }
}
