package org.xtalkit.step;

import org.xtalkit.XtalException;
import org.xtalkit.integrate.Integrator;
import org.xtalkit.integrate.ProfileModel;
import org.xtalkit.integrate.ProfileModelEstimator;
import org.xtalkit.io.image.ImageSource;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamType;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * dials.integrate: the profile model from the refined strong spots, then every predicted reflection
 * of each sweep integrated; the experiments get their profile model.
 */
public final class Integrate {
    private Integrate() {}

    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.of("prediction.d_min", ParamType.FLOAT, "None", "high-resolution limit of prediction (Å); None: the detector corners"),
            ParamSpec.of("prediction.d_max", ParamType.FLOAT, "None", "low-resolution limit of prediction (Å)"),
            ParamSpec.of("prediction.padding", ParamType.FLOAT, "1.0", "degrees either side of the scan to predict reflections (partials at the ends)"),
            ParamSpec.of("profile.sigma_b_multiplier", ParamType.FLOAT, "2.0", "bbox half-width in n_sigma·sigma_b (room for background around the foreground)"),
            ParamSpec.of("profile.valid_foreground_threshold", ParamType.FLOAT, "0.75",
                    "minimum valid fraction of the foreground pixels; below it a reflection is not integrated (dont_integrate)"),
            ParamSpec.of("filter.min_zeta", ParamType.FLOAT, "0.05", "reflections with |zeta| below this are not integrated (dont_integrate)"),
            ParamSpec.of("nproc", ParamType.INT, "Auto", "threads (Auto: all cores)"),
            ParamSpec.of("profile.fitting", ParamType.BOOL, "True", "fit reference profiles (intensity.prf) besides summation"),
            ParamSpec.of("output.experiments", ParamType.PATH, "integrated.expt", "integrated experiments (with the profile model)"),
            ParamSpec.of("output.reflections", ParamType.PATH, "integrated.refl", "integrated reflections"));

    /** The integrated experiments (profile models set), all reflections, and the profile model of each. */
    public record Result(ExperimentList experiments, ReflectionTable reflections, List<ProfileModel> profiles) {}

    /**
     * @param images opens the images of experiment i (ImageSets.open with the .expt's folder from the CLI;
     *               an in-memory source in notebooks)
     */
    public static Result run(ExperimentList experiments, ReflectionTable refined, ParamValues p,
                             BiFunction<Experiment, Integer, ImageSource> images, Progress progress) {
        Integer nproc = p.intOrNull("nproc");
        Integrator.Options opt = new Integrator.Options(p.doubleOrNull("prediction.d_min"), p.doubleOrNull("prediction.d_max"),
                nproc != null ? nproc : Runtime.getRuntime().availableProcessors(), p.getDouble("prediction.padding"),
                p.getDouble("profile.sigma_b_multiplier"), p.getDouble("filter.min_zeta"),
                p.getDouble("profile.valid_foreground_threshold"));
        List<Experiment> out = new ArrayList<>();
        List<ProfileModel> profiles = new ArrayList<>();
        ReflectionTable all = null;
        for (int i = 0; i < experiments.size(); i++) {
            Experiment e = experiments.get(i);
            if (e.crystal() == null) throw new XtalException("experiment " + i + " has no crystal: integrate needs refined.expt");
            ProfileModel model = ProfileModelEstimator.estimate(e, refined, i);
            progress.log(String.format("Experiment %d profile model: sigma_b %.6f°, sigma_m %.6f°", i,
                    Math.toDegrees(model.sigmaB()), Math.toDegrees(model.sigmaM())));
            ReflectionTable t;
            try (ImageSource src = images.apply(e, i)) {
                t = Integrator.integrate(e, i, src, model, p.getBool("profile.fitting") ? refined : null, opt, progress);
            } catch (XtalException x) {
                throw x;
            } catch (Exception x) {
                throw new XtalException("integrating experiment " + i + ": " + x.getMessage(), x);
            }
            all = all == null ? t : all.concat(t);
            out.add(e.withProfile(model.toJson()));
            profiles.add(model);
        }
        if (all == null) throw new XtalException("no experiments to integrate");
        logShells(all, progress);
        return new Result(new ExperimentList(out), all, profiles);
    }

    /** Mean I/σ (sum, and prf where fitted) and counts in ten resolution shells, as dials.integrate summarises. */
    static void logShells(ReflectionTable t, Progress progress) {
        double[] d = t.doubles("d"), i = t.doubles("intensity.sum.value"), v = t.doubles("intensity.sum.variance");
        boolean prf = t.has("intensity.prf.value");
        double[] ip = prf ? t.doubles("intensity.prf.value") : null, vp = prf ? t.doubles("intensity.prf.variance") : null;
        long[] flags = t.flags();
        int n = 0;
        double[] ds = new double[t.size()];
        for (int k = 0; k < t.size(); k++) if (Flag.INTEGRATED_SUM.allSetIn(flags[k])) ds[n++] = d[k];
        if (n == 0) return;
        double[] sorted = Arrays.copyOf(ds, n);
        Arrays.sort(sorted);
        progress.log("");
        progress.log(" d_max  d_min   #obs   <I/sigI> (sum)   <I/sigI> (prf)");
        int shells = Math.min(10, n);
        for (int s = shells - 1; s >= 0; s--) {
            double lo = sorted[s * n / shells], hi = s == shells - 1 ? Double.POSITIVE_INFINITY : sorted[(s + 1) * n / shells];
            double sum = 0, sumP = 0;
            int c = 0, cp = 0;
            for (int k = 0; k < t.size(); k++) {
                if (!Flag.INTEGRATED_SUM.allSetIn(flags[k]) || d[k] < lo || d[k] >= hi || v[k] <= 0) continue;
                sum += i[k] / Math.sqrt(v[k]);
                c++;
                if (prf && Flag.INTEGRATED_PRF.allSetIn(flags[k]) && vp[k] > 0) { sumP += ip[k] / Math.sqrt(vp[k]); cp++; }
            }
            progress.log(String.format("%6.2f %6.2f %6d %16.2f %16s", Double.isInfinite(hi) ? sorted[n - 1] : hi, lo, c,
                    c > 0 ? sum / c : 0, cp > 0 ? String.format("%.2f", sumP / cp) : "-"));
        }
    }
}
