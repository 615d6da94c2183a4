package org.xtalkit.step;

import org.xtalkit.XtalException;
import org.xtalkit.integrate.Background;
import org.xtalkit.integrate.IntegrationReport;
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
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
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
            ParamSpec.choice("background.algorithm", "glm", "glm: robust Poisson mean (pixel-array detectors); simple: outlier rejection + least squares", "glm", "simple"),
            ParamSpec.choice("background.simple.model.algorithm", "constant3d", "the simple background model", "constant2d", "constant3d", "linear2d", "linear3d"),
            ParamSpec.choice("background.simple.outlier.algorithm", "null", "outlier rejection before the simple model", "null", "nsigma", "truncated", "tukey"),
            ParamSpec.of("background.simple.outlier.nsigma.lower", ParamType.FLOAT, "3", "lower n sigma"),
            ParamSpec.of("background.simple.outlier.nsigma.upper", ParamType.FLOAT, "3", "upper n sigma"),
            ParamSpec.of("background.simple.outlier.truncated.lower", ParamType.FLOAT, "0.01", "fraction of the lowest counts dropped (×2)"),
            ParamSpec.of("background.simple.outlier.truncated.upper", ParamType.FLOAT, "0.01", "fraction of the highest counts dropped (×2)"),
            ParamSpec.of("background.simple.outlier.tukey.lower", ParamType.FLOAT, "1.5", "lower IQR multiplier"),
            ParamSpec.of("background.simple.outlier.tukey.upper", ParamType.FLOAT, "1.5", "upper IQR multiplier"),
            ParamSpec.of("background.simple.min_pixels", ParamType.INT, "10", "fewest background pixels a simple background may use"),
            ParamSpec.of("nproc", ParamType.INT, "Auto", "threads (Auto: all cores)"),
            ParamSpec.of("profile.fitting", ParamType.BOOL, "True", "fit reference profiles (intensity.prf) besides summation"),
            ParamSpec.of("output.experiments", ParamType.PATH, "integrated.expt", "integrated experiments (with the profile model)"),
            ParamSpec.of("output.reflections", ParamType.PATH, "integrated.refl", "integrated reflections"));

    /**
     * The integrated experiments (profile models set), all reflections, the profile model of each, and
     * each experiment's summary by image and by resolution (as dials.integrate prints it; data for plots).
     */
    public record Result(ExperimentList experiments, ReflectionTable reflections, List<ProfileModel> profiles,
                         List<IntegrationReport> reports) {}

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
                p.getDouble("profile.valid_foreground_threshold"), background(p));
        List<Experiment> out = new ArrayList<>();
        List<ProfileModel> profiles = new ArrayList<>();
        List<IntegrationReport> reports = new ArrayList<>();
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
            IntegrationReport report = IntegrationReport.of(t, i, e.scan().numImages(), 20);
            progress.log("");
            report.imageTable().forEach(progress::log);
            progress.log("");
            report.resolutionTable().forEach(progress::log);
            reports.add(report);
            all = all == null ? t : all.concat(t);
            out.add(e.withProfile(model.toJson()));
            profiles.add(model);
        }
        if (all == null) throw new XtalException("no experiments to integrate");
        return new Result(new ExperimentList(out), all, profiles, reports);
    }

    /** background.* as a Background. */
    static Background background(ParamValues p) {
        if (p.str("background.algorithm").equals("glm")) return Background.GLM;
        String outlier = p.str("background.simple.outlier.algorithm");
        String scope = "background.simple.outlier." + outlier;
        boolean bounded = !outlier.equals("null");
        return new Background(p.str("background.algorithm"), p.str("background.simple.model.algorithm"), outlier,
                bounded ? p.getDouble(scope + ".lower") : 0, bounded ? p.getDouble(scope + ".upper") : 0,
                p.getInt("background.simple.min_pixels"));
    }
}
