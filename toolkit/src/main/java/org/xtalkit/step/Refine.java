package org.xtalkit.step;

import org.xtalkit.XtalException;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.refine.CentroidOutliers;
import org.xtalkit.refine.Refiner;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamType;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * dials.refine: refine the experiments' models against their indexed reflections; with
 * scan_varying=Auto (the default) a scan-static macrocycle, then a scan-varying one.
 */
public final class Refine {
    private Refine() {}

    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.choice("refinement.parameterisation.scan_varying", "Auto",
                    "Auto: static then scan-varying crystal; True/False force one or the other", "Auto", "True", "False"),
            ParamSpec.of("refinement.parameterisation.beam.fix_list", ParamType.STR, "None",
                    "beam parameters to fix besides Mu1 and wavelength (regex words: Mu2)"),
            ParamSpec.choice("refinement.parameterisation.crystal.fix", "None", "fix the crystal's cell or orientation",
                    "None", "all", "cell", "orientation"),
            ParamSpec.of("refinement.parameterisation.crystal.unit_cell.force_static", ParamType.BOOL, "False",
                    "keep the cell static during scan-varying refinement"),
            ParamSpec.of("refinement.parameterisation.crystal.orientation.smoother.interval_width_degrees", ParamType.FLOAT,
                    "36", "width of the scan-varying smoother's intervals (degrees)"),
            ParamSpec.choice("refinement.parameterisation.detector.fix", "None", "fix detector parameters",
                    "None", "all", "position", "orientation", "distance"),
            ParamSpec.of("refinement.parameterisation.detector.fix_list", ParamType.STR, "None",
                    "detector parameters to fix (regex words: Dist, Shift1, Shift2, Tau1, Tau2, Tau3)"),
            ParamSpec.choice("refinement.reflections.outlier.algorithm", "auto", "centroid outlier rejection (auto = mcd for scans;"
                    + " tukey: 1.5 interquartile ranges per coordinate)", "auto", "mcd", "tukey", "null"),
            ParamSpec.of("refinement.reflections.reflections_per_degree", ParamType.FLOAT, "Auto",
                    "centroids per degree in the working set (Auto: all unless the scan is wider than one turn)"),
            ParamSpec.of("refinement.reflections.close_to_spindle_cutoff", ParamType.FLOAT, "0.02",
                    "exclude reflections whose s0, s1, axis volume is below this"),
            ParamSpec.of("refinement.refinery.max_iterations", ParamType.INT, "100", "Levenberg-Marquardt iterations at most"),
            ParamSpec.of("output.experiments", ParamType.PATH, "refined.expt", "refined experiments"),
            ParamSpec.of("output.reflections", ParamType.PATH, "refined.refl", "reflections with xyzcal and refinement flags"));

    /** The refined experiments and reflections, and the refinement's record (RMSDs by experiment, parameters). */
    public record Result(ExperimentList experiments, ReflectionTable reflections, Refiner.Result refinement) {}

    /**
     * Refines all experiments together: models they share (a detector, a beam, one crystal of several
     * sweeps) are refined as one; scan-varying refinement then gives each sweep its own crystal.
     */
    public static Result run(ExperimentList experiments, ReflectionTable reflections, ParamValues p, Progress progress) {
        String sv = p.str("refinement.parameterisation.scan_varying");
        String crystalFix = p.str("refinement.parameterisation.crystal.fix");
        String detFix = p.str("refinement.parameterisation.detector.fix");
        List<String> fixDetector = new ArrayList<>(words(p.str("refinement.parameterisation.detector.fix_list")));
        if (detFix != null) switch (detFix) {
            case "all" -> fixDetector.add("all");
            case "position" -> fixDetector.addAll(List.of("Dist", "Shift"));
            case "orientation" -> fixDetector.add("Tau");
            case "distance" -> fixDetector.add("Dist");
            default -> { }
        }
        List<String> fixCrystal = crystalFix == null ? List.of() : crystalFix.equals("all") ? List.of("cell", "orientation") : List.of(crystalFix);
        for (int i = 0; i < experiments.size(); i++)
            if (experiments.get(i).crystal() == null)
                throw new XtalException("experiment " + i + " has no crystal: refine needs indexed.expt");
        Refiner.Options opt = new Refiner.Options(null, words(p.str("refinement.parameterisation.beam.fix_list")), fixCrystal,
                fixDetector, CentroidOutliers.Algorithm.of(p.str("refinement.reflections.outlier.algorithm")),
                p.getDouble("refinement.reflections.close_to_spindle_cutoff"), p.getInt("refinement.refinery.max_iterations"),
                0, !"False".equals(sv), p.getDouble("refinement.parameterisation.crystal.orientation.smoother.interval_width_degrees"),
                p.getBool("refinement.parameterisation.crystal.unit_cell.force_static"),
                p.doubleOrNull("refinement.reflections.reflections_per_degree") == null ? Double.NaN
                        : p.getDouble("refinement.reflections.reflections_per_degree"));
        progress.update("refine", 0, 1);
        Refiner.Result r = Refiner.refine(experiments, reflections, opt, progress);
        progress.update("refine", 1, 1);
        logSummary(r, progress);
        return new Result(r.experiments(), r.reflections(), r);
    }

    /** The tables dials.refine ends with: RMSDs by experiment, and the refined cells. */
    private static void logSummary(Refiner.Result r, Progress progress) {
        progress.log("");
        progress.log("RMSDs by experiment:");
        progress.log("+--------+--------+-----------+-----------+-------------+");
        progress.log("| Exp id |   Nref | RMSD_X px | RMSD_Y px | RMSD_Z imgs |");
        progress.log("+--------+--------+-----------+-----------+-------------+");
        for (int i = 0; i < r.experiments().size(); i++) {
            var l = r.last(i);
            progress.log(String.format("| %6d | %6d | %9.4f | %9.4f | %11.4f |", i, l.nref(), l.rmsdXpx(), l.rmsdYpx(), l.rmsdZimages()));
        }
        progress.log("+--------+--------+-----------+-----------+-------------+");
        java.util.Set<Object> shown = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < r.experiments().size(); i++) {
            var crystal = r.experiments().get(i).crystal();
            if (!shown.add(crystal)) continue;
            var c = crystal.unitCell();
            progress.log(String.format("Experiment %d refined cell: %.4f %.4f %.4f %.3f %.3f %.3f", i, c.a(), c.b(), c.c(),
                    c.alpha(), c.beta(), c.gamma()));
        }
    }

    private static List<String> words(String s) {
        return s == null ? List.of() : Arrays.stream(s.split("[,\\s]+")).filter(w -> !w.isEmpty()).toList();
    }
}
