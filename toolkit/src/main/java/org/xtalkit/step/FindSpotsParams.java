package org.xtalkit.step;

import org.xtalkit.XtalException;
import org.xtalkit.spots.MaskParams;
import org.xtalkit.spots.ThresholdParams;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamType;
import org.xtalkit.step.params.ParamValues;

import java.util.ArrayList;
import java.util.List;

/** The parameters of find_spots as DIALS names them, and their parsing into {@link FindSpots.Params}. */
final class FindSpotsParams {
    private FindSpotsParams() {}

    private static final String T = "spotfinder.threshold.", D = "spotfinder.threshold.dispersion.",
            F = "spotfinder.filter.", U = "spotfinder.filter.untrusted.", I = "spotfinder.filter.ice_rings.";

    static final List<ParamSpec> SPECS = List.of(
            ParamSpec.choice(T + "algorithm", "dispersion_extended",
                    "The threshold algorithm (DIALS 3.12's default is dispersion_extended)", "dispersion", "dispersion_extended"),
            ParamSpec.of(D + "gain", ParamType.FLOAT, "None", "Use a flat gain map for the entire detector"),
            ParamSpec.of(D + "kernel_size", ParamType.INTS, "3,3", "The size of the local area around the spot in which"
                    + " to calculate the mean and variance: a box of (2 ny + 1) x (2 nx + 1) pixels"),
            ParamSpec.of(D + "sigma_background", ParamType.FLOAT, "6", "The number of standard deviations of the index"
                    + " of dispersion above which a pixel is not background"),
            ParamSpec.of(D + "sigma_strong", ParamType.FLOAT, "3", "The number of standard deviations above the mean in"
                    + " the local area above which a pixel is strong"),
            ParamSpec.of(D + "min_local", ParamType.INT, "2", "The minimum number of valid pixels in the local area"
                    + " (0 = the whole kernel)"),
            ParamSpec.of(D + "global_threshold", ParamType.FLOAT, "0", "The global threshold value: strong pixels must"
                    + " exceed it"),
            ParamSpec.of(F + "min_spot_size", ParamType.INT, "Auto", "The minimum number of contiguous pixels for a spot"
                    + " (Auto: 3 for pixel-array detectors, 6 otherwise)"),
            ParamSpec.of(F + "max_spot_size", ParamType.INT, "1000", "The maximum number of contiguous pixels for a spot"),
            ParamSpec.of(F + "max_separation", ParamType.FLOAT, "2", "The maximum peak-to-centroid separation (in pixels)"),
            ParamSpec.of(F + "max_strong_pixel_fraction", ParamType.FLOAT, "0.25", "If the fraction of pixels of an image"
                    + " marked as strong is greater than this value, stop with an error"),
            ParamSpec.of(F + "border", ParamType.INT, "0", "The border around the edge of the image"),
            ParamSpec.of(F + "d_min", ParamType.FLOAT, "None", "The high resolution limit in Angstrom for a pixel to be"
                    + " accepted"),
            ParamSpec.of(F + "d_max", ParamType.FLOAT, "None", "The low resolution limit in Angstrom for a pixel to be"
                    + " accepted"),
            ParamSpec.of(F + "resolution_range", ParamType.FLOATS, "None", "Untrusted resolution ranges, pairs d1,d2"
                    + " (Angstrom)"),
            ParamSpec.of(F + "disable_parallax_correction", ParamType.BOOL, "False", "Resolution masks without parallax"
                    + " correction"),
            ParamSpec.of(U + "panel", ParamType.INT, "0", "The panel of the untrusted regions below"),
            ParamSpec.of(U + "circle", ParamType.INTS, "None", "Untrusted circles xc,yc,r (repeat triples for more)"),
            ParamSpec.of(U + "rectangle", ParamType.INTS, "None", "Untrusted rectangles x0,x1,y0,y1 (repeat for more)"),
            ParamSpec.of(U + "pixel", ParamType.INTS, "None", "Untrusted pixels y,x (repeat pairs for more)"),
            ParamSpec.of(U + "whole_panel", ParamType.BOOL, "False", "Mask the whole panel given by untrusted.panel"),
            ParamSpec.of(I + "filter", ParamType.BOOL, "False", "Mask the resolution ranges of hexagonal ice rings"),
            ParamSpec.of(I + "unit_cell", ParamType.FLOATS, "4.498,4.498,7.338,90,90,120", "The unit cell of ice"
                    + " (space group P6_3/mmc)"),
            ParamSpec.of(I + "width", ParamType.FLOAT, "0.002", "The width of an ice ring (in 1/d^2)"),
            ParamSpec.of(I + "d_min", ParamType.FLOAT, "None", "The high resolution limit of the ice rings (otherwise"
                    + " the detector's corner resolution)"),
            ParamSpec.of("spotfinder.mp.nproc", ParamType.INT, "Auto", "The number of threads (Auto: all cores)"),
            ParamSpec.of("output.reflections", ParamType.PATH, "strong.refl", "The output filename"),
            ParamSpec.of("output.shoeboxes", ParamType.BOOL, "True", "Save the raw pixel values inside the reflection"
                    + " shoeboxes"),
            ParamSpec.of("per_image_statistics", ParamType.BOOL, "False", "Print a table of per-image statistics"));

    static FindSpots.Params from(ParamValues v) {
        try {
            ThresholdParams threshold = new ThresholdParams(v.str(T + "algorithm"), v.doubleOrNull(D + "gain"),
                    v.ints(D + "kernel_size"), v.getDouble(D + "sigma_background"), v.getDouble(D + "sigma_strong"),
                    v.getInt(D + "min_local"), v.getDouble(D + "global_threshold"));
            List<double[]> ranges = new ArrayList<>();
            double[] rr = v.doubles(F + "resolution_range");
            if (rr != null) {
                if (rr.length % 2 != 0) throw new XtalException("find_spots: resolution_range needs pairs d1,d2");
                for (int i = 0; i < rr.length; i += 2) ranges.add(new double[] {rr[i], rr[i + 1]});
            }
            int panel = v.getInt(U + "panel");
            List<MaskParams.Untrusted> untrusted = new ArrayList<>();
            addGroups(untrusted, panel, v.ints(U + "circle"), 3, "circle");
            addGroups(untrusted, panel, v.ints(U + "rectangle"), 4, "rectangle");
            addGroups(untrusted, panel, v.ints(U + "pixel"), 2, "pixel");
            if (v.getBool(U + "whole_panel")) untrusted.add(new MaskParams.Untrusted(panel, null, null, null));
            double[] cell = v.doubles(I + "unit_cell");
            if (cell == null || cell.length != 6) throw new XtalException("find_spots: ice_rings.unit_cell needs 6 numbers");
            MaskParams mask = new MaskParams(v.getInt(F + "border"), v.doubleOrNull(F + "d_min"), v.doubleOrNull(F + "d_max"),
                    ranges, untrusted, v.getBool(I + "filter"), v.getDouble(I + "width"), v.doubleOrNull(I + "d_min"), cell,
                    v.getBool(F + "disable_parallax_correction"));
            Integer min = v.intOrNull(F + "min_spot_size");
            if (min != null && min < 1) throw new XtalException("find_spots: min_spot_size must be >= 1, got " + min);
            Integer nproc = v.intOrNull("spotfinder.mp.nproc");
            if (nproc != null && nproc < 1) throw new XtalException("find_spots: nproc must be >= 1, got " + nproc);
            return new FindSpots.Params(threshold, min, v.getInt(F + "max_spot_size"), v.doubleOrNull(F + "max_separation"),
                    v.getDouble(F + "max_strong_pixel_fraction"), mask, nproc, v.str("output.reflections"),
                    v.getBool("output.shoeboxes"), v.getBool("per_image_statistics"));
        } catch (IllegalArgumentException e) {
            throw new XtalException("find_spots: " + e.getMessage(), e);
        }
    }

    private static void addGroups(List<MaskParams.Untrusted> out, int panel, int[] values, int size, String what) {
        if (values == null) return;
        if (values.length % size != 0)
            throw new XtalException("find_spots: untrusted." + what + " needs groups of " + size + " integers");
        for (int i = 0; i < values.length; i += size) {
            int[] g = java.util.Arrays.copyOfRange(values, i, i + size);
            out.add(new MaskParams.Untrusted(panel, what.equals("circle") ? g : null, what.equals("rectangle") ? g : null,
                    what.equals("pixel") ? g : null));
        }
    }
}
