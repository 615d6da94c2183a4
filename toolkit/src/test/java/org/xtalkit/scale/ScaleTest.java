package org.xtalkit.scale;

import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;
import org.xtalkit.merge.ScaledInput;
import org.xtalkit.merge.MergingStatistics;
import org.xtalkit.merge.MergingStatisticsResult;
import org.xtalkit.merge.ScaledIntensities;
import org.xtalkit.progress.Progress;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Scaling DIALS-integrated data must merge at least as well as dials.scale's result on the same
 * input: overall CC½ no lower than DIALS' − 0.005, Rpim no higher than DIALS' + 5 % relative.
 * DIALS' figures are the "Overall" column of dials.scale 3.12's summary, produced by
 * <pre>
 * dials.scale quartz_processed/integrated.expt quartz_processed/integrated.refl min_Ih=10
 * dials.scale l_cysteine_narrow_wedge/11_integrated.{expt,refl} l_cysteine_narrow_wedge/23_integrated.{expt,refl}
 * </pre>
 */
class ScaleTest {
    // dials.scale 3.12, quartz (physical model, 9 scale + 7 decay + 24 absorption parameters)
    static final double QUARTZ_CC_HALF = 0.988, QUARTZ_RPIM = 0.060;
    // dials.scale 3.12, two 1° wedges of L-cysteine (KB models)
    static final double LCYS_CC_HALF = 1.000, LCYS_RPIM = 0.025;

    static final Progress LOG = Boolean.getBoolean("scale.verbose") ? new Progress() {
        @Override public void update(String stage, long done, long total) {}
        @Override public void log(String line) { System.out.println(line); }
    } : Progress.NONE;

    // dials.scale 3.12 rescaling the four L-cysteine sweeps from scratch (physical models, 192 parameters):
    // dials.scale scaled_20_25.{expt,refl} scaled_30.{expt,refl} scaled_35.{expt,refl} \
    //     overwrite_existing_models=True reset_error_model=True
    static final double LCYS4_CC_HALF = 1.000, LCYS4_RPIM = 0.012;

    record Scaled(Scaler.Result result, MergingStatisticsResult stats) {}

    static Scaled scale(List<Path> expts, List<Path> refls, ScaleParams p) {
        ScaledInput in = ScaledInput.read(expts, refls);
        Scaler.Result r = Scaler.run(in.experiments(), in.reflections(), p, LOG);
        ScaledIntensities data = ScaledIntensities.select(r.reflections(), 0, 0, 0.4, true);
        MergingStatisticsResult stats = MergingStatistics.compute(data, in.spaceGroup(), in.medianCell(), 20);
        return new Scaled(r, stats);
    }

    static Scaled quartz() {
        Path d = SharedData.data("quartz_processed");
        return scale(List.of(d.resolve("integrated.expt")), List.of(d.resolve("integrated.refl")), ScaleParams.defaults().withMinIh(10));
    }

    @Test
    void quartzMergesAsWellAsDials() {
        Scaled s = quartz();
        var o = s.stats().overall();
        System.out.printf("quartz: CC1/2 %.4f (DIALS %.3f), Rpim %.4f (DIALS %.3f), obs %d uniq %d, error model a=%.4f b=%.5f, %s%n",
                o.ccHalf(), QUARTZ_CC_HALF, o.rPim(), QUARTZ_RPIM, o.nObs(), o.nUniq(), s.result().errorModel().a(),
                s.result().errorModel().b(), s.result().intensityChoice());
        ScalingModel m = s.result().models().get(0);
        assertEquals(ScalingModel.Kind.PHYSICAL, m.kind());
        assertEquals(9, m.scaleParameters().length, "100° sweep: 15° scale intervals -> 9 parameters as DIALS");
        assertEquals(7, m.decayParameters().length, "20° decay intervals -> 7 parameters as DIALS");
        assertEquals(24, m.absorptionParameters().length, "lmax 4 absorption above 60° of rotation");
        assertTrue(o.ccHalf() >= QUARTZ_CC_HALF - 0.005, "CC1/2 " + o.ccHalf());
        assertTrue(o.rPim() <= QUARTZ_RPIM * 1.05, "Rpim " + o.rPim());
        assertEquals(1401, o.nObs(), 15, "dials.scale merges 1401 observations");
        assertTrue(s.result().errorModel().refined());
        assertTrue(s.result().errorModel().a() > 1, "electron-diffraction σ are underestimated: a > 1");
    }

    @Test
    void lCysteineWedgesMergeAsWellAsDials() {
        Path d = SharedData.data("l_cysteine_narrow_wedge");
        Scaled s = scale(List.of(d.resolve("11_integrated.expt"), d.resolve("23_integrated.expt")),
                List.of(d.resolve("11_integrated.refl"), d.resolve("23_integrated.refl")), ScaleParams.defaults());
        var o = s.stats().overall();
        System.out.printf("l_cysteine: CC1/2 %.4f (DIALS %.3f), Rpim %.4f (DIALS %.3f), obs %d uniq %d%n",
                o.ccHalf(), LCYS_CC_HALF, o.rPim(), LCYS_RPIM, o.nObs(), o.nUniq());
        for (ScalingModel m : s.result().models()) assertEquals(ScalingModel.Kind.KB, m.kind(), "1° wedges get the KB model");
        assertTrue(o.ccHalf() >= LCYS_CC_HALF - 0.005, "CC1/2 " + o.ccHalf());
        assertEquals(40, o.nObs(), "DIALS merges 40 observations");
        assertEquals(38, o.nUniq(), "DIALS merges 38 unique reflections");
        assertTrue(o.rPim() <= LCYS_RPIM * 1.05, "Rpim " + o.rPim());
    }

    /** Four full sweeps scaled together from scratch (previous scales and flags dropped). */
    @Test
    void fourSweepsMergeAsWellAsDials() {
        Path d = SharedData.data("l_cysteine_4_sweeps_scaled");
        List<Path> expts = List.of(d.resolve("scaled_20_25.expt"), d.resolve("scaled_30.expt"), d.resolve("scaled_35.expt"));
        List<Path> refls = List.of(d.resolve("scaled_20_25.refl"), d.resolve("scaled_30.refl"), d.resolve("scaled_35.refl"));
        ScaledInput in = ScaledInput.read(expts, refls);
        // earlier outlier flags are ignored and the earlier scales replaced
        Scaler.Result r = Scaler.run(in.experiments(), in.reflections(), ScaleParams.defaults(), LOG);
        var o = MergingStatistics.compute(ScaledIntensities.select(r.reflections(), 0, 0, 0.4, true), in.spaceGroup(), in.medianCell(), 20).overall();
        System.out.printf("l_cysteine 4 sweeps: CC1/2 %.4f (DIALS %.3f), Rpim %.4f (DIALS %.3f), obs %d uniq %d, a=%.3f b=%.4f%n",
                o.ccHalf(), LCYS4_CC_HALF, o.rPim(), LCYS4_RPIM, o.nObs(), o.nUniq(), r.errorModel().a(), r.errorModel().b());
        assertEquals(4, r.models().size());
        assertTrue(o.ccHalf() >= LCYS4_CC_HALF - 0.005, "CC1/2 " + o.ccHalf());
        assertTrue(o.rPim() <= LCYS4_RPIM * 1.05, "Rpim " + o.rPim());
        assertEquals(1578, o.nUniq(), "dials.scale merges 1578 unique reflections");
    }
}
