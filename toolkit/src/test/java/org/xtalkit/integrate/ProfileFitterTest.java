package org.xtalkit.integrate;

import org.xtalkit.math.Correlation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xtalkit.math.Erf;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.Panel;
import org.xtalkit.simulate.Simulate;
import org.xtalkit.simulate.SimulationParams;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.table.MaskCode;
import org.xtalkit.table.ReflectionTable;
import org.xtalkit.table.Shoebox;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Profile fitting on the insulin geometry (binning 4, 20 images) with shoeboxes drawn from the
 * gaussian_rs model itself: the transform conserves counts, the reference profiles are the model's
 * Gaussian, and fitted intensities recover the true ones with less scatter than summation.
 */
class ProfileFitterTest {
    static final double BACKGROUND = 1.0;
    static Experiment e;
    static ProfileModel model;
    static List<Refl> full = new ArrayList<>();

    record Refl(Vec3 s1, double phi, double frame, double intensity, Shoebox expected, Shoebox noisy) {}

    @BeforeAll static synchronized void synthesise() {
        if (!full.isEmpty()) return;
        e = Simulate.insulin(SimulationParams.parse("nimages=20", "binning=4")).truth().experiments().get(0);
        Panel p = e.detector().panel(0);
        // spots of σ ≈ 1 pixel, rocking curves of σ 0.08° on 0.1° images
        model = new ProfileModel(p.pixelSizeFast() / p.distance(), Math.toRadians(0.08), 3);
        ReflectionTable t = SweepPredictor.predict(e, 0, 2.0);
        double[] s1 = t.vec3("s1"), px = t.vec3("xyzcal.px"), mm = t.vec3("xyzcal.mm");
        SyntheticShoeboxes synth = new SyntheticShoeboxes(e, model);
        SplittableRandom rng = new SplittableRandom(7);
        Vec3 m2 = e.goniometer().rotationAxisDatum();
        for (int i = 0; i < t.size(); i++) {
            Vec3 s = new Vec3(s1[3 * i], s1[3 * i + 1], s1[3 * i + 2]);
            double phi = mm[3 * i + 2], frame = px[3 * i + 2];
            double intensity = -800 * Math.log(1 - rng.nextDouble());  // Wilson-like, mean 800 counts
            Shoebox x = synth.expected(s, phi, frame, intensity, BACKGROUND);
            if (x == null) continue;
            double zeta = new KabschFrame(m2, e.beam().s0(), s, phi).zeta();
            int[] b = x.bbox();
            double part = model.partiality(zeta, phi, Math.toRadians(e.scan().angleFromFrame(b[4])),
                    Math.toRadians(e.scan().angleFromFrame(b[5])));
            if (part < 0.99 || Math.abs(zeta) < 0.1) continue;
            full.add(new Refl(s, phi, frame, intensity, x, SyntheticShoeboxes.noisy(x, rng)));
        }
        assertTrue(full.size() > 500, "fully recorded reflections: " + full.size());
    }

    static ProfileFitter referenceFitter() {
        ProfileFitter f = new ProfileFitter(e, model);
        for (Refl r : full) if (r.intensity > 1000) f.addReference(r.noisy, r.s1, r.phi, r.frame);
        f.finishReferences();
        return f;
    }

    @Test void transformConservesCounts() {
        ProfileFitter f = new ProfileFitter(e, model);
        int checked = 0;
        double worst = 0;
        for (Refl r : full) {
            Shoebox x = r.expected;
            double[] grid = f.transformed(x, r.s1, r.phi, true, null, null);
            assertNotNull(grid);
            double inGrid = 0, inForeground = 0;
            for (double v : grid) inGrid += v;
            for (int i = 0; i < x.data().length; i++)
                if ((x.mask()[i] & MaskCode.FOREGROUND) != 0) inForeground += x.data()[i] - x.background()[i];
            worst = Math.max(worst, Math.abs(inGrid / inForeground - 1));
            checked++;
        }
        assertTrue(checked > 500);
        assertEquals(0, worst, 0.01, "worst relative difference of grid and foreground sums");
    }

    @Test void referenceProfilesAreTheModelGaussian() {
        ProfileFitter f = referenceFitter();
        int n = f.gridPoints(), g = n / 2;
        double step = 1.5 * model.nSigma() / (g + 0.5);  // grid step in σ on every axis
        double[] ideal = new double[n * n * n];
        for (int k = 0; k < n; k++)
            for (int j = 0; j < n; j++)
                for (int i = 0; i < n; i++)
                    ideal[(k * n + j) * n + i] = cell(k, g, step) * cell(j, g, step) * cell(i, g, step);
        int valid = 0;
        for (int b = 0; b < f.numProfiles(); b++) {
            if (f.profileUsed(b) != b) continue;
            valid++;
            double[] p = f.referenceProfile(b);
            double sum = 0;
            for (double v : p) sum += v;
            assertEquals(1, sum, 1e-9);
            assertTrue(Correlation.pearson(p, ideal) > 0.99, "profile " + b + " CC with the Gaussian " + Correlation.pearson(p, ideal));
            // spread along each axis: σ in grid steps (pixels ~1σ_b wide blur e1/e2 a little)
            for (int axis = 0; axis < 3; axis++) {
                double m = 0, m2 = 0;
                for (int k = 0; k < n; k++)
                    for (int j = 0; j < n; j++)
                        for (int i = 0; i < n; i++) {
                            int c = (axis == 0 ? i : axis == 1 ? j : k) - g;
                            double v = p[(k * n + j) * n + i];
                            m += v * c;
                            m2 += v * c * c;
                        }
                assertEquals(0, m, 0.1, "centroid of profile " + b + " on axis " + axis + " (grid steps)");
                assertEquals(1 / step, Math.sqrt(m2 - m * m), 0.12 / step, "σ of profile " + b + " on axis " + axis);
            }
        }
        assertEquals(9, valid, "a profile in each of the 3×3 regions of the one 2° scan block");
    }

    @Test void fittedIntensitiesRecoverTheTruth() {
        ProfileFitter f = referenceFitter();
        int n = full.size();
        double[] truth = new double[n], prf = new double[n];
        double sumZ = 0, sumZ2 = 0;
        for (int i = 0; i < n; i++) {
            Refl r = full.get(i);
            ProfileFitter.Fit fit = f.fit(r.noisy, r.s1, r.phi, r.frame);
            assertTrue(fit.success());
            truth[i] = r.intensity;
            prf[i] = fit.intensity();
            double z = (fit.intensity() - r.intensity) / Math.sqrt(fit.variance());
            sumZ += z;
            sumZ2 += z * z;
            assertTrue(fit.correlation() <= 1 && fit.correlation() >= -1);
        }
        double cc = Correlation.pearson(prf, truth);
        assertTrue(cc > 0.99, "CC(I_prf, I_true) = " + cc);
        assertEquals(0, sumZ / n, 0.2, "mean (I_prf - I_true)/σ (prf, like DIALS, sees only the foreground: ~0.5% low)");
        double rms = Math.sqrt(sumZ2 / n);
        assertTrue(rms > 0.6 && rms < 1.2, "rms (I_prf - I_true)/σ = " + rms);
    }

    @Test void weakReflectionsAreMorePreciseThanSummation() {
        ProfileFitter f = referenceFitter();
        double errPrf = 0, errSum = 0, ioPrf = 0, ioSum = 0;
        int weak = 0;
        for (Refl r : full) {
            if (r.intensity > 100) continue;
            Shoebox s = r.noisy;
            double sum = 0, bg = 0;
            int nFg = 0, nBg = 0;
            for (int i = 0; i < s.data().length; i++) {
                if ((s.mask()[i] & MaskCode.FOREGROUND) != 0) {
                    sum += s.data()[i] - s.background()[i];
                    bg += s.background()[i];
                    nFg++;
                } else nBg++;
            }
            double varSum = Math.abs(sum) + bg * (1 + (double) nFg / nBg);  // DIALS' summation variance
            ProfileFitter.Fit fit = f.fit(s, r.s1, r.phi, r.frame);
            assertTrue(fit.success());
            errPrf += Math.pow(fit.intensity() - r.intensity, 2);
            errSum += Math.pow(sum - r.intensity, 2);
            ioPrf += fit.intensity() / Math.sqrt(fit.variance());
            ioSum += sum / Math.sqrt(varSum);
            weak++;
        }
        assertTrue(weak > 50, "weak reflections: " + weak);
        double rmsPrf = Math.sqrt(errPrf / weak), rmsSum = Math.sqrt(errSum / weak);
        assertTrue(rmsPrf < 0.85 * rmsSum, "rms error prf " + rmsPrf + " vs sum " + rmsSum);
        assertTrue(ioPrf >= ioSum, "mean I/σ prf " + ioPrf / weak + " vs sum " + ioSum / weak);
    }

    @Test void profileShapedShoeboxGivesItsIntensity() {
        ProfileFitter f = referenceFitter();
        Refl r = full.get(full.size() / 2);
        double intensity = 5000;
        Shoebox x = new SyntheticShoeboxes(e, model).expected(r.s1, r.phi, r.frame, intensity, BACKGROUND);
        ProfileFitter.Fit exact = f.fit(x, r.s1, r.phi, r.frame);
        // noise free: the fitted profile holds the Gaussian's whole intensity, to the ~1% it has beyond the foreground
        assertEquals(intensity, exact.intensity(), 0.03 * intensity);
        assertTrue(exact.correlation() > 0.99, "correlation " + exact.correlation());
        SplittableRandom rng = new SplittableRandom(11);
        int within = 0;
        for (int trial = 0; trial < 40; trial++) {
            ProfileFitter.Fit fit = f.fit(SyntheticShoeboxes.noisy(x, rng), r.s1, r.phi, r.frame);
            if (Math.abs(fit.intensity() - intensity) < 2 * Math.sqrt(fit.variance())) within++;
        }
        assertTrue(within >= 34, within + " of 40 fits within 2σ of the truth");
    }

    @Test void referencesFromSeveralThreadsMatchOneThread() {
        ProfileFitter one = referenceFitter();
        ProfileFitter many = new ProfileFitter(e, model);
        IntStream.range(0, full.size()).parallel().forEach(i -> {
            Refl r = full.get(i);
            if (r.intensity > 1000) many.addReference(r.noisy, r.s1, r.phi, r.frame);
        });
        many.finishReferences();
        for (int b = 0; b < one.numProfiles(); b++) {
            assertEquals(one.numReflections(b), many.numReflections(b));
            double[] p = one.referenceProfile(b), q = many.referenceProfile(b);
            for (int i = 0; i < p.length; i++) assertEquals(p[i], q[i], 1e-12);
        }
    }

    @Test void blocksWithoutReflectionsBorrowTheNearest() {
        ProfileFitter f = new ProfileFitter(e, model, new ProfileFitter.Options(5, 5, true, 1000000, 1e-3, 100));
        for (Refl r : full) if (r.intensity > 1000) f.addReference(r.noisy, r.s1, r.phi, r.frame);
        f.finishReferences();
        Refl r = full.get(0);
        assertTrue(!f.fit(r.noisy, r.s1, r.phi, r.frame).success(), "no profile has a million reflections");
        ProfileFitter g = new ProfileFitter(e, model, new ProfileFitter.Options(5, 5, true, 1, 1e-3, 100));
        for (Refl q : full)  // only reflections on the left third of the detector
            if (q.intensity > 1000 && g.profileCoord(0)[0] * 2 > e.detector().panel(0).rayToPixel(q.s1)[0])
                g.addReference(q.noisy, q.s1, q.phi, q.frame);
        g.finishReferences();
        for (int b = 0; b < g.numProfiles(); b++) assertTrue(g.profileUsed(b) >= 0);
        assertTrue(g.fit(r.noisy, r.s1, r.phi, r.frame).success());
    }

    @Test void optionsParseWithDialsNamesAndDefaults() {
        var specs = ProfileFitter.Options.specs();
        assertEquals(ProfileFitter.Options.DEFAULTS, ProfileFitter.Options.from(ParamValues.parse("integrate", specs)));
        var o = ProfileFitter.Options.from(ParamValues.parse("integrate", specs,
                "profile.gaussian_rs.fitting.grid_method=single", "profile.gaussian_rs.fitting.scan_step=1"));
        assertTrue(!o.regularGrid());
        ProfileFitter f = new ProfileFitter(e, model, o);
        assertEquals(2, f.numProfiles(), "one region, 2° of scan in 1° blocks");
        assertEquals(9, new ProfileFitter(e, model).numProfiles(), "3×3 regions, one 5° block");
    }

    /** Fraction of a unit normal in grid cell c (centre g, width step in σ). */
    private static double cell(int c, int g, double step) {
        return Erf.normalFraction((c - g - 0.5) * step, (c - g + 0.5) * step, 0, 1);
    }

}
