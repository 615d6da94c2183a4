package org.xtalkit.step;

import org.xtalkit.XtalException;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.refine.LatticeConstraint;
import org.xtalkit.refine.Refiner;
import org.xtalkit.spacegroup.SpaceGroup;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamType;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * dials.refine: refine each experiment's models against its indexed reflections; with
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
            ParamSpec.choice("refinement.reflections.outlier.algorithm", "auto", "centroid outlier rejection (auto = mcd for scans)",
                    "auto", "mcd", "null"),
            ParamSpec.of("refinement.reflections.close_to_spindle_cutoff", ParamType.FLOAT, "0.02",
                    "exclude reflections whose s0, s1, axis volume is below this"),
            ParamSpec.of("refinement.refinery.max_iterations", ParamType.INT, "100", "Levenberg-Marquardt iterations at most"),
            ParamSpec.of("output.experiments", ParamType.PATH, "refined.expt", "refined experiments"),
            ParamSpec.of("output.reflections", ParamType.PATH, "refined.refl", "reflections with xyzcal and refinement flags"));

    /** The refined experiments and reflections, and each experiment's refinement record. */
    public record Result(ExperimentList experiments, ReflectionTable reflections, List<Refiner.Result> perExperiment) {}

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
        List<Experiment> out = new ArrayList<>();
        List<Refiner.Result> results = new ArrayList<>();
        ReflectionTable table = reflections;
        for (int i = 0; i < experiments.size(); i++) {
            Experiment e = experiments.get(i);
            if (e.crystal() == null) throw new XtalException("experiment " + i + " has no crystal: refine needs indexed.expt");
            LatticeConstraint lc = LatticeConstraint.forSpaceGroup(SpaceGroup.fromHall(e.crystal().spaceGroupHall()));
            boolean scanVarying = !"False".equals(sv) && e.scan() != null && !e.scan().isStill();
            Refiner.Options opt = new Refiner.Options(lc, words(p.str("refinement.parameterisation.beam.fix_list")), fixCrystal,
                    fixDetector, !"null".equals(p.str("refinement.reflections.outlier.algorithm")),
                    p.getDouble("refinement.reflections.close_to_spindle_cutoff"), p.getInt("refinement.refinery.max_iterations"),
                    0, scanVarying, p.getDouble("refinement.parameterisation.crystal.orientation.smoother.interval_width_degrees"),
                    p.getBool("refinement.parameterisation.crystal.unit_cell.force_static"));
            progress.update("refine", i, experiments.size());
            Refiner.Result r = Refiner.refine(e, table, i, opt, progress);
            table = r.reflections();
            out.add(r.experiment());
            results.add(r);
        }
        progress.update("refine", experiments.size(), experiments.size());
        logSummary(results, progress);
        return new Result(new ExperimentList(out), table, results);
    }

    /** The tables dials.refine ends with: RMSDs by experiment, and the refined cells. */
    private static void logSummary(List<Refiner.Result> results, Progress progress) {
        progress.log("");
        progress.log("RMSDs by experiment:");
        progress.log("+--------+--------+-----------+-----------+-------------+");
        progress.log("| Exp id |   Nref | RMSD_X px | RMSD_Y px | RMSD_Z imgs |");
        progress.log("+--------+--------+-----------+-----------+-------------+");
        for (int i = 0; i < results.size(); i++) {
            var l = results.get(i).last();
            progress.log(String.format("| %6d | %6d | %9.4f | %9.4f | %11.4f |", i, l.nref(), l.rmsdXpx(), l.rmsdYpx(), l.rmsdZimages()));
        }
        progress.log("+--------+--------+-----------+-----------+-------------+");
        for (int i = 0; i < results.size(); i++) {
            var c = results.get(i).experiment().crystal().unitCell();
            progress.log(String.format("Experiment %d refined cell: %.4f %.4f %.4f %.3f %.3f %.3f", i, c.a(), c.b(), c.c(),
                    c.alpha(), c.beta(), c.gamma()));
        }
    }

    private static List<String> words(String s) {
        return s == null ? List.of() : Arrays.stream(s.split("[,\\s]+")).filter(w -> !w.isEmpty()).toList();
    }
}
