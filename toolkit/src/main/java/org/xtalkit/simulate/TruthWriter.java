package org.xtalkit.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.xtalkit.XtalException;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.Panel;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what the simulation put in: {@code truth.json} (crystal, geometry true and in the header,
 * physics and per-image factors), {@code true_model.expt} (the true models as DIALS reads them), {@code true_intensities.csv} (one row per symmetry-unique
 * reflection of m-3, or of 23 with I(+)/I(-) when there is an anomalous signal) and
 * {@code true_reflections.csv} (every Ewald-sphere crossing of the sweep: where and how strong).
 */
final class TruthWriter {
    private TruthWriter() {}

    static List<Path> write(Simulation sim, Path dir) {
        List<Path> files = new ArrayList<>();
        files.add(atomically(dir.resolve("truth.json"), out -> out.write(json(map(sim)))));
        Path expt = dir.resolve("true_model.expt");
        ExptFile.write(sim.truth().experiments(), expt);
        files.add(expt);
        files.add(atomically(dir.resolve("true_intensities.csv"), out -> intensities(sim, out)));
        files.add(atomically(dir.resolve("true_reflections.csv"), out -> reflections(sim, out)));
        return files;
    }

    /**
     * Several sweeps: truth.json as for one sweep (the first) plus a "sweeps" list (goniometer
     * setting, frame offset, per-image factors of each), true_model.expt with one experiment per
     * sweep, true_intensities.csv once, true_reflections_&lt;k&gt;.csv per sweep (k from 1).
     */
    static List<Path> write(MultiSweepSimulation sims, Path dir) {
        List<Path> files = new ArrayList<>();
        Map<String, Object> m = map(sims.get(0));
        m.remove("per_image");
        List<Map<String, Object>> sweeps = new ArrayList<>();
        for (int k = 0; k < sims.size(); k++) {
            Simulation s = sims.get(k);
            Map<String, Object> sw = new LinkedHashMap<>();
            sw.put("sweep", k + 1);
            sw.put("phi", sims.plan().phi()[k]);
            sw.put("chi", sims.plan().chi()[k]);
            sw.put("frame_offset", s.truth().reflections().frameOffset());
            sw.put("per_image", perImage(s));
            sweeps.add(sw);
        }
        m.put("sweeps", sweeps);
        files.add(atomically(dir.resolve("truth.json"), out -> out.write(json(m))));
        Path expt = dir.resolve("true_model.expt");
        ExptFile.write(sims.truth(), expt);
        files.add(expt);
        files.add(atomically(dir.resolve("true_intensities.csv"), out -> intensities(sims.get(0), out)));
        for (int k = 0; k < sims.size(); k++) {
            Simulation s = sims.get(k);
            files.add(atomically(dir.resolve("true_reflections_" + (k + 1) + ".csv"), out -> reflections(s, out)));
        }
        return files;
    }

    private static String json(Map<String, Object> m) throws IOException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
    }

    private static Map<String, Object> map(Simulation sim) {
        SimulationTruth t = sim.truth();
        Experiment truth = t.experiments().get(0), header = sim.experiments().get(0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("space_group", "I 21 3");
        m.put("space_group_number", 199);
        m.put("space_group_hall_symbol", InsulinCrystal.HALL_I213);
        m.put("unit_cell", truth.crystal().unitCell().toArray());
        m.put("U_matrix", t.crystal().u0().toArray());
        m.put("A_matrix", t.crystal().aAt(0).toArray());
        m.put("real_space_a", truth.crystal().realA().toArray());
        m.put("real_space_b", truth.crystal().realB().toArray());
        m.put("real_space_c", truth.crystal().realC().toArray());
        m.put("cell_drift", t.crystal().cellDrift());
        m.put("orientation_drift_deg", t.crystal().driftDeg());
        m.put("orientation_drift_axis", t.crystal().driftAxis().toArray());
        m.put("wavelength", truth.beam().wavelength());
        m.put("rotation_axis", truth.goniometer().rotationAxis().toArray());
        m.put("true_detector", detector(truth));
        m.put("header_detector", detector(header));
        m.put("scan", Map.of("image_range", new int[] {1, truth.scan().numImages()},
                "oscillation", new double[] {truth.scan().oscillationStart(), truth.scan().oscillationWidth()}));
        m.put("profile", truth.profileJson());
        m.put("parameters", params(sim.params()));
        m.put("counts_model", "K * I_true(hkl) * qe / lp * partiality * g(image) * exp(-B_dose(image) / (2 d^2)), "
                + "lp and qe as DIALS' corrections; I_true includes the overall B");
        m.put("per_image", perImage(sim));
        return m;
    }

    private static List<Map<String, Object>> perImage(Simulation sim) {
        List<Map<String, Object>> perImage = new ArrayList<>();
        SimulatedSweep s = sim.truth().reflections();
        var scan = sim.truth().experiments().get(0).scan();
        for (int i = 0; i < s.numImages(); i++)
            perImage.add(Map.of("image", i + 1, "phi_start", scan.angleFromFrame(i),
                    "g", s.imageScale(i), "B_dose", s.imageBDose(i), "n_refl", s.reflectionsOn(i).length));
        return perImage;
    }

    private static Map<String, Object> detector(Experiment e) {
        Panel p = e.detector().panel(0);
        double[] centre = p.beamCentreMm(e.beam());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("image_size", new int[] {p.imageSizeFast(), p.imageSizeSlow()});
        m.put("pixel_size_mm", p.pixelSizeFast());
        m.put("distance_mm", p.distance());
        m.put("beam_centre_px", new double[] {centre[0] / p.pixelSizeFast(), centre[1] / p.pixelSizeSlow()});
        m.put("origin", p.origin().toArray());
        m.put("fast_axis", p.fastAxis().toArray());
        m.put("slow_axis", p.slowAxis().toArray());
        m.put("trusted_range", new double[] {p.trustedMin(), p.trustedMax()});
        return m;
    }

    private static Map<String, Object> params(SimulationParams p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nimages", p.nImages());
        m.put("binning", p.binning());
        m.put("oscillation", p.oscillation());
        m.put("seed", p.seed());
        m.put("beam_centre_offset", p.beamCentreOffset());
        m.put("distance_offset", p.distanceOffset());
        m.put("anomalous", p.anomalous());
        m.put("sigma_m", p.mosaicity());
        m.put("spot_sigma_mm", p.spotSigmaMm());
        m.put("b_factor", p.bFactor());
        m.put("b_dose", p.bDose());
        m.put("intensity_scale", p.intensityScale());
        m.put("background", p.background());
        m.put("water_ring", p.waterRing());
        m.put("absorption", p.absorption());
        return m;
    }

    /** Unique reflections to the resolution of the sweep, each represented by its largest (h, k, l). */
    private static void intensities(Simulation sim, BufferedWriter out) throws IOException {
        WilsonIntensities w = sim.truth().intensities();
        boolean anomalous = sim.params().anomalous() > 0;
        double a = sim.truth().crystal().cellEdge();
        SimulatedSweep s = sim.truth().reflections();
        double dMin = Double.POSITIVE_INFINITY;
        for (int r = 0; r < s.size(); r++) dMin = Math.min(dMin, s.d(r));
        int hMax = (int) Math.ceil(a / dMin);
        out.write(anomalous ? "h,k,l,d,epsilon,centric,I_true,I_plus,I_minus\n" : "h,k,l,d,epsilon,centric,I_true\n");
        // the representative (largest packed index of the m-3 orbit) has h = max(|h|, |k|, |l|)
        for (int h = 0; h <= hMax; h++)
            for (int k = h; k >= -h; k--)
                for (int l = h; l >= -h; l--) {
                    if (((h + k + l) & 1) != 0 || (h == 0 && k == 0 && l == 0)) continue;
                    double d = a / Math.sqrt(h * h + k * k + l * l);
                    if (d < dMin) continue;
                    long key = PointGroup23.pack(h, k, l);
                    long plus = PointGroup23.orbitKey(h, k, l), minus = PointGroup23.orbitKey(-h, -k, -l);
                    if (key != Math.max(plus, minus)) continue;
                    double iPlus = w.intensity(h, k, l, d), iMinus = w.intensity(-h, -k, -l, d);
                    StringBuilder row = new StringBuilder(64).append(h).append(',').append(k).append(',').append(l)
                            .append(',').append(round(d, 5)).append(',').append(w.epsilon(h, k, l)).append(',')
                            .append(w.isCentric(h, k, l) ? 1 : 0).append(',').append((float) (0.5 * (iPlus + iMinus)));
                    if (anomalous) row.append(',').append((float) iPlus).append(',').append((float) iMinus);
                    out.append(row);
                    out.write('\n');
                }
    }

    /** Every crossing: DIALS-like names (xyzcal.px in pixels and frames). */
    private static void reflections(Simulation sim, BufferedWriter out) throws IOException {
        SimulatedSweep s = sim.truth().reflections();
        out.write("h,k,l,xyzcal.px.x,xyzcal.px.y,xyzcal.px.z,sigma_z,d,zeta,lp,qe,full_counts\n");
        StringBuilder row = new StringBuilder(128);
        for (int r = 0; r < s.size(); r++) {
            row.setLength(0);
            row.append(s.h(r)).append(',').append(s.k(r)).append(',').append(s.l(r)).append(',')
                    .append(round(s.x(r), 4)).append(',').append(round(s.y(r), 4)).append(',').append(round(s.z(r), 4))
                    .append(',').append(round(s.sigmaZ(r), 4)).append(',').append(round(s.d(r), 5)).append(',')
                    .append(round(s.zeta(r), 5)).append(',').append((float) s.lp(r)).append(',')
                    .append(round(s.qe(r), 5)).append(',').append((float) s.fullCounts(r)).append('\n');
            out.append(row);
        }
    }

    /** Rounded for a compact CSV (String.format is far too slow for 10⁵ rows). */
    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.rint(v * f) / f;
    }

    interface Body { void write(BufferedWriter out) throws IOException; }

    static Path atomically(Path file, Body body) {
        org.xtalkit.io.AtomicWrite.write(file, out -> {
            BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            body.write(w);
            w.flush();
        });
        return file;
    }
}
