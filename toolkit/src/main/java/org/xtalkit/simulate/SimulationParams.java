package org.xtalkit.simulate;

import org.xtalkit.XtalException;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamType;
import org.xtalkit.step.params.ParamValues;

import java.util.List;

/**
 * What to simulate. Geometry offsets say how wrong the header is: the images are made with the
 * true geometry, the experiment models handed out (and written to file headers) carry the offsets.
 *
 * @param nImages            number of images
 * @param binning            1, 2 or 4 (pixels of 75, 150 or 300 µm)
 * @param oscillation        φ per image, degrees
 * @param oscillationStart   φ at the start of the first image, degrees
 * @param seed               one seed for orientation, intensities and noise
 * @param beamCentreOffset   header beam centre minus true, pixels of the (binned) image (x, y)
 * @param distanceOffset     header distance minus true, mm
 * @param cellDrift          relative change of the cell edge from the first image to the last
 * @param orientationDrift   rotation of the crystal (degrees, about a seeded axis) from first to last image
 * @param anomalous          rms relative Friedel difference (0 for none)
 * @param mosaicity          σ_m, degrees (DIALS' sigma_m)
 * @param spotSigmaMm        σ of a spot on the detector, mm (beam divergence and crystal size)
 * @param bFactor            overall B, Å²
 * @param bDose              rise of B from the first image to the last (radiation damage), Å²
 * @param intensityScale     counts of a fully recorded, fully corrected reflection of mean intensity (B = 0)
 * @param background         flat background per 75 µm pixel per image, counts
 * @param waterRing          extra background at the water ring (3.7 Å) per 75 µm pixel, counts
 * @param absorption         amplitude of the smooth scale modulation with φ (absorption-like)
 * @param dMin               do not simulate reflections beyond this resolution, Å (0: to the detector corners)
 */
public record SimulationParams(int nImages, int binning, double oscillation, double oscillationStart, long seed,
                               double[] beamCentreOffset, double distanceOffset, double cellDrift,
                               double orientationDrift, double anomalous, double mosaicity, double spotSigmaMm,
                               double bFactor, double bDose, double intensityScale, double background,
                               double waterRing, double absorption, double dMin) {

    public SimulationParams {
        if (nImages < 1) throw new XtalException("simulate: nimages=" + nImages + " must be at least 1");
        if (binning != 1 && binning != 2 && binning != 4)
            throw new XtalException("simulate: binning=" + binning + " is not one of 1, 2, 4");
        if (!(oscillation > 0)) throw new XtalException("simulate: oscillation=" + oscillation + " must be > 0 degrees");
        if (beamCentreOffset == null || beamCentreOffset.length != 2)
            throw new XtalException("simulate: beam_centre_offset needs two numbers (x,y pixels)");
        beamCentreOffset = beamCentreOffset.clone();
        if (!(mosaicity > 0) || !(spotSigmaMm > 0))
            throw new XtalException("simulate: sigma_m and spot_sigma must be > 0");
    }

    public static SimulationParams defaults() { return parse(); }

    /** From key=value words, e.g. {@code parse("nimages=100", "binning=4")}. */
    public static SimulationParams parse(String... words) {
        return from(ParamValues.parse("simulate", specs(), words));
    }

    public SimulationParams withImages(int n) {
        return new SimulationParams(n, binning, oscillation, oscillationStart, seed, beamCentreOffset, distanceOffset,
                cellDrift, orientationDrift, anomalous, mosaicity, spotSigmaMm, bFactor, bDose, intensityScale,
                background, waterRing, absorption, dMin);
    }

    /** The parameters of {@code xtal simulate}, with defaults and help (DIALS-style names). */
    public static List<ParamSpec> specs() {
        return List.of(
                ParamSpec.of("nimages", ParamType.INT, "900", "number of images"),
                ParamSpec.of("binning", ParamType.INT, "2", "detector binning 1, 2 or 4 (pixels of 75, 150, 300 um)"),
                ParamSpec.of("oscillation", ParamType.FLOAT, "0.1", "rotation per image, degrees"),
                ParamSpec.of("oscillation_start", ParamType.FLOAT, "0", "phi at the start of the first image, degrees"),
                ParamSpec.of("seed", ParamType.INT, "42", "random seed: orientation, intensities and noise"),
                ParamSpec.of("beam_centre_offset", ParamType.FLOATS, "0,0",
                        "header beam centre minus the true one, pixels (x,y); the images keep the true centre"),
                ParamSpec.of("distance_offset", ParamType.FLOAT, "0", "header distance minus the true one, mm"),
                ParamSpec.of("cell_drift", ParamType.FLOAT, "0", "relative change of the cell edge over the sweep"),
                ParamSpec.of("orientation_drift", ParamType.FLOAT, "0", "crystal rotation over the sweep, degrees"),
                ParamSpec.of("anomalous", ParamType.FLOAT, "0", "rms relative Friedel difference (0: no anomalous signal)"),
                ParamSpec.of("sigma_m", ParamType.FLOAT, "0.06", "mosaicity: sigma of the rocking curve, degrees"),
                ParamSpec.of("spot_sigma", ParamType.FLOAT, "0.12", "sigma of a spot on the detector, mm"),
                ParamSpec.of("b_factor", ParamType.FLOAT, "15", "overall B factor, A^2"),
                ParamSpec.of("b_dose", ParamType.FLOAT, "1", "rise of B over the sweep (radiation damage), A^2"),
                ParamSpec.of("intensity_scale", ParamType.FLOAT, "20000",
                        "counts of a full, corrected reflection of mean intensity at B=0"),
                ParamSpec.of("background", ParamType.FLOAT, "0.08", "flat background per 75 um pixel per image, counts"),
                ParamSpec.of("water_ring", ParamType.FLOAT, "0.1", "background peak at 3.7 A per 75 um pixel, counts"),
                ParamSpec.of("absorption", ParamType.FLOAT, "0.06", "amplitude of the smooth scale change with phi"),
                ParamSpec.of("d_min", ParamType.FLOAT, "0", "no reflections beyond this resolution, A (0: detector corners)"));
    }

    public static SimulationParams from(ParamValues v) {
        return new SimulationParams(v.getInt("nimages"), v.getInt("binning"), v.getDouble("oscillation"),
                v.getDouble("oscillation_start"), v.getInt("seed"), v.doubles("beam_centre_offset"),
                v.getDouble("distance_offset"), v.getDouble("cell_drift"), v.getDouble("orientation_drift"),
                v.getDouble("anomalous"), v.getDouble("sigma_m"), v.getDouble("spot_sigma"), v.getDouble("b_factor"),
                v.getDouble("b_dose"), v.getDouble("intensity_scale"), v.getDouble("background"),
                v.getDouble("water_ring"), v.getDouble("absorption"), v.getDouble("d_min"));
    }
}
