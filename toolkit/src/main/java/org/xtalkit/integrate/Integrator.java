package org.xtalkit.integrate;

import org.xtalkit.XtalException;
import org.xtalkit.geometry.Corrections;
import org.xtalkit.io.image.ImageSource;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;
import org.xtalkit.progress.Progress;
import org.xtalkit.spots.MaskParams;
import org.xtalkit.spots.PixelMasks;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Integration of one rotation sweep, as dials.integrate: predict every reflection, give each a
 * shoebox from the profile model, stream the images through the shoeboxes, then per reflection the
 * background (robust GLM), the summed intensity and the corrections (lp, qe, partiality). Two passes
 * over the images as DIALS makes them: the first sums every reflection and builds reference profiles
 * from the strong, fully recorded ones; the second fits those profiles to every reflection. DIALS'
 * columns and flags, with every predicted reflection either integrated or flagged with the reason.
 */
public final class Integrator {

    /**
     * @param dMin             prediction.d_min (Å) or null for the detector corners
     * @param dMax             prediction.d_max (Å) or null
     * @param nproc            threads
     * @param padding          prediction.padding: degrees either side of the scan to predict (DIALS: 1)
     * @param sigmaBMultiplier profile.sigma_b_multiplier: bbox half-width in units of n_sigma·σ_b (DIALS: 2)
     * @param minZeta          filter.min_zeta: |zeta| below this is not integrated (DIALS: 0.05)
     * @param validForeground  profile.valid_foreground_threshold: a smaller valid fraction of the foreground
     *                         is dont_integrate (DIALS: 0.75)
     * @param background       background.algorithm and its model (DIALS: glm, constant3d)
     */
    public record Options(Double dMin, Double dMax, int nproc, double padding, double sigmaBMultiplier, double minZeta,
                          double validForeground, Background background) {
        public static final double PADDING = 1.0, SIGMA_B_MULTIPLIER = 2.0, MIN_ZETA = 0.05, VALID_FOREGROUND = 0.75;

        /** DIALS' defaults for everything but the resolution limits and threads. */
        public Options(Double dMin, Double dMax, int nproc) {
            this(dMin, dMax, nproc, PADDING, SIGMA_B_MULTIPLIER, MIN_ZETA, VALID_FOREGROUND, Background.GLM);
        }

        public static Options defaults() { return new Options(null, null, Runtime.getRuntime().availableProcessors()); }
    }

    private Integrator() {}

    /**
     * @param strong the refined strong reflections (miller_index, xyzobs.px.value, id): the predictions
     *               they match are the reference spots profiles are learnt from; null to skip profile fitting
     */
    public static ReflectionTable integrate(Experiment e, int id, ImageSource images, ProfileModel model,
                                            ReflectionTable strong, Options opt, Progress progress) {
        if (e.crystal() == null || e.scan() == null || e.goniometer() == null)
            throw new XtalException("integration needs a refined rotation experiment (crystal, scan, goniometer)");
        Scan scan = e.scan();
        if (images.size() != scan.numImages())
            throw new XtalException(images.description() + " has " + images.size() + " images, the scan " + scan.numImages());
        ReflectionTable t = SweepPredictor.predict(e, id, opt.dMin(), opt.padding());
        if (opt.dMax() != null) {
            double[] d = t.doubles("d");
            t = t.select(i -> d[i] <= opt.dMax());
        }
        int n = t.size();
        progress.log("Predicted " + n + " reflections to " + String.format("%.2f", opt.dMin() != null ? opt.dMin()
                : SweepPredictor.cornerResolution(e)) + " Å");
        double[] s1 = t.vec3("s1"), xyzMm = t.vec3("xyzcal.mm"), xyzPx = t.vec3("xyzcal.px");
        long[] panelCol = t.sizes("panel");
        int[] bbox = t.newInt6("bbox");
        double[] zeta = t.newDoubles("zeta"), lp = t.newDoubles("lp"), qe = t.newDoubles("qe"), partiality = t.newDoubles("partiality");
        long[] flags = t.flags();
        Vec3 m2 = e.goniometer().rotationAxisDatum();
        List<int[]> lists = new ArrayList<>();
        int[] counts = new int[scan.numImages()];
        for (int i = 0; i < n; i++) {
            Vec3 s = new Vec3(s1[3 * i], s1[3 * i + 1], s1[3 * i + 2]);
            int p = (int) panelCol[i];
            int[] b = model.bbox(e, s, xyzPx[3 * i + 2], p, opt.sigmaBMultiplier());
            KabschFrame kf = new KabschFrame(m2, e.beam().s0(), s, xyzMm[3 * i + 2]);
            zeta[i] = kf.zeta();
            lp[i] = Corrections.lp(e.beam(), m2, s);
            qe[i] = Corrections.qe(e.detector().panel(p), s);
            if (b != null) System.arraycopy(b, 0, bbox, 6 * i, 6);
            // DIALS filters on zeta: near the rotation axis the rocking width 1/|zeta| is unbounded
            if (b == null || Math.abs(zeta[i]) < opt.minZeta()) { flags[i] |= Flag.DONT_INTEGRATE.bits; continue; }
            double phi0 = Math.toRadians(scan.angleFromFrame(b[4])), phi1 = Math.toRadians(scan.angleFromFrame(b[5]));
            partiality[i] = model.partiality(zeta[i], xyzMm[3 * i + 2], phi0, phi1);
            counts[b[4]]++;
        }
        for (int f = 0; f < scan.numImages(); f++) lists.add(new int[counts[f]]);
        int[] fill = new int[scan.numImages()];
        for (int i = 0; i < n; i++) if ((flags[i] & Flag.DONT_INTEGRATE.bits) == 0) lists.get(bbox[6 * i + 4])[fill[bbox[6 * i + 4]]++] = i;

        boolean[] use = new boolean[n];
        for (int i = 0; i < n; i++) use[i] = (flags[i] & Flag.DONT_INTEGRATE.bits) == 0;
        Overlaps overlaps = Overlaps.find(bbox, panelCol, use);
        progress.log(overlaps.pairs() + " pairs of overlapping shoeboxes (neighbours' foregrounds kept out of each background)");
        boolean[][] staticMask = PixelMasks.build(e.detector(), e.beam(), images.staticMask(), MaskParams.defaults());
        boolean[] reference = strong == null ? null : ReferenceSpots.match(t, strong, id);
        ProfileFitter fitter = reference == null ? null : new ProfileFitter(e, model);
        Columns out = new Columns(t, fitter != null);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, opt.nproc()));
        ImageStream.ReflectionFactory factory =
                row -> new ReflectionPixels(row, (int) panelCol[row], java.util.Arrays.copyOfRange(bbox, 6 * row, 6 * row + 6));
        ImageStream.Filler filler = (r, frame, image) -> {
            Panel p = e.detector().panel(r.panel);
            r.fill(frame, image[r.panel], staticMask[r.panel], p.imageSizeFast(), p.imageSizeSlow(), p.trustedMin(), p.trustedMax());
        };
        int block = Math.max(2, 2 * opt.nproc());
        try {
            ImageStream.run(images, scan.numImages(), lists, factory, filler, r -> {
                Summed sum = summarise(e, model, r, out, s1, xyzMm, opt, overlaps);
                if (fitter != null && reference[r.row] && sum.result.ok() && partiality[r.row] > 0.99
                        && fitter.addReference(r.toShoebox(sum.background), sum.s1, xyzMm[3 * r.row + 2], xyzPx[3 * r.row + 2]))
                    out.markModelling(r.row);
            }, pool, block, fitter == null ? "integrate" : "integrate (summation, reference profiles)", progress);
            if (fitter != null) {
                fitter.finishReferences();
                progress.log("Reference profiles from " + out.modelling() + " strong, fully recorded reflections");
                // second pass: every reflection with a background and an all-valid foreground, with the background
                // pass 1 found. A foreground cut by a gap is not fitted, as in DIALS' parallel integrator: the grid
                // cells its invalid pixels would fill count as zeros, so the fit (as the summation) misses the counts
                // that fell there (dials.integrate 3.12's default path fits them anyway, biased low). Nor is a
                // foreground that holds a neighbour's (overlapped_fg), which summation also refuses.
                long skip = Flag.DONT_INTEGRATE.bits | Flag.FAILED_DURING_BACKGROUND_MODELLING.bits;
                ImageStream.ReflectionFactory summed = row -> {
                    long f = out.flags[row];
                    if ((f & skip) != 0) return null;
                    if ((f & (Flag.FOREGROUND_INCLUDES_BAD_PIXELS.bits | Flag.OVERLAPPED_FG.bits)) != 0) {
                        out.flags[row] = f | Flag.FAILED_DURING_PROFILE_FITTING.bits;
                        return null;
                    }
                    return factory.create(row);
                };
                ImageStream.run(images, scan.numImages(), lists, summed, filler, r -> {
                    int i = r.row;
                    Vec3 s = new Vec3(s1[3 * i], s1[3 * i + 1], s1[3 * i + 2]);
                    ShoeboxMasker.mask(e, model, r, s, xyzMm[3 * i + 2]);
                    float[] background = new float[r.data.length];
                    out.bgFit[i].fill(r.bbox[1] - r.bbox[0], r.bbox[3] - r.bbox[2], r.bbox[5] - r.bbox[4], background);
                    out.writeFit(i, fitter.fit(r.toShoebox(background), s, xyzMm[3 * i + 2], xyzPx[3 * i + 2]));
                }, pool, block, "integrate (profile fitting)", progress);
            }
        } finally {
            pool.shutdownNow();
        }
        logSummary(t, progress);
        return t;
    }

    private record Summed(BackgroundAndSum.Result result, float[] background, Vec3 s1) {}

    /** Per reflection, once its last frame is in: mask, background, summation, and its columns. */
    private static Summed summarise(Experiment e, ProfileModel model, ReflectionPixels r, Columns out, double[] s1, double[] xyzMm,
                                    Options opt, Overlaps overlaps) {
        int i = r.row;
        Vec3 s = new Vec3(s1[3 * i], s1[3 * i + 1], s1[3 * i + 2]);
        ShoeboxMasker.mask(e, model, r, s, xyzMm[3 * i + 2]);
        for (int k = 0; k < overlaps.count(i); k++) {
            int j = overlaps.neighbour(i, k);
            ShoeboxMasker.markOverlapped(e, model, r, new Vec3(s1[3 * j], s1[3 * j + 1], s1[3 * j + 2]), xyzMm[3 * j + 2]);
        }
        if (r.validForegroundFraction() < opt.validForeground()) out.flags[i] |= Flag.DONT_INTEGRATE.bits;
        float[] background = new float[r.data.length];
        BackgroundAndSum.Result res = BackgroundAndSum.process(r, background, opt.background());
        out.write(i, r, res);
        return new Summed(res, background, s);
    }

    /** The columns integration fills, written row by row from several threads (distinct rows). */
    private static final class Columns {
        final long[] flags;
        final double[] iSum, vSum, bgMean, bgSum, vBgSum, obs, obsVar;
        final int[] nFg, nBg, nValid;
        final double[] iPrf, vPrf, correlation;
        /** Each reflection's background model from pass 1, for pass 2. */
        final BackgroundFit[] bgFit;
        private final java.util.concurrent.atomic.AtomicInteger modelling = new java.util.concurrent.atomic.AtomicInteger();

        Columns(ReflectionTable t, boolean profileFitting) {
            flags = t.flags();
            bgFit = new BackgroundFit[t.size()];
            iPrf = profileFitting ? t.newDoubles("intensity.prf.value") : null;
            vPrf = profileFitting ? t.newDoubles("intensity.prf.variance") : null;
            correlation = profileFitting ? t.newDoubles("profile.correlation") : null;
            iSum = t.newDoubles("intensity.sum.value");
            vSum = t.newDoubles("intensity.sum.variance");
            bgMean = t.newDoubles("background.mean");
            bgSum = t.newDoubles("background.sum.value");
            vBgSum = t.newDoubles("background.sum.variance");
            nFg = t.newInts("num_pixels.foreground");
            nBg = t.newInts("num_pixels.background");
            nValid = t.newInts("num_pixels.valid");
            obs = t.newVec3("xyzobs.px.value");
            obsVar = t.newVec3("xyzobs.px.variance");
        }

        void markModelling(int i) {
            flags[i] |= Flag.USED_IN_MODELLING.bits;
            modelling.incrementAndGet();
        }

        int modelling() { return modelling.get(); }

        void writeFit(int i, ProfileFitter.Fit f) {
            iPrf[i] = f.intensity();
            vPrf[i] = f.variance();
            correlation[i] = f.correlation();
            flags[i] |= f.success() ? Flag.INTEGRATED_PRF.bits : Flag.FAILED_DURING_PROFILE_FITTING.bits;
        }

        void write(int i, ReflectionPixels r, BackgroundAndSum.Result res) {
            long f = flags[i] | r.inspect();
            if (r.overloaded) f |= Flag.OVERLOADED.bits;
            bgMean[i] = res.background();
            bgFit[i] = res.fit();
            iSum[i] = res.intensity();
            vSum[i] = res.variance();
            bgSum[i] = res.backgroundSum();
            vBgSum[i] = res.backgroundSumVariance();
            nFg[i] = res.nForeground();
            nBg[i] = res.nBackground();
            nValid[i] = res.nValid();
            if (res.centroid() != null) {
                System.arraycopy(res.centroid(), 0, obs, 3 * i, 3);
                System.arraycopy(res.centroidVariance(), 0, obsVar, 3 * i, 3);
            }
            if (res.ok()) f |= Flag.INTEGRATED_SUM.bits;
            else if ("background".equals(res.failure())) f |= Flag.FAILED_DURING_BACKGROUND_MODELLING.bits;
            else f |= Flag.FAILED_DURING_SUMMATION.bits;
            flags[i] = f;
        }
    }

    /** The counts dials.integrate ends with. */
    private static void logSummary(ReflectionTable t, Progress progress) {
        long[] flags = t.flags();
        int sum = 0, prf = 0, bg = 0, fg = 0, skipped = 0, over = 0, overlapped = 0;
        for (long f : flags) {
            if (Flag.INTEGRATED_SUM.allSetIn(f)) sum++;
            if (Flag.INTEGRATED_PRF.allSetIn(f)) prf++;
            if (Flag.FAILED_DURING_BACKGROUND_MODELLING.allSetIn(f)) bg++;
            if (Flag.FAILED_DURING_SUMMATION.allSetIn(f)) fg++;
            if (Flag.DONT_INTEGRATE.allSetIn(f)) skipped++;
            if (Flag.OVERLOADED.allSetIn(f)) over++;
            if (Flag.OVERLAPPED_FG.allSetIn(f)) overlapped++;
        }
        progress.log(String.format("Integrated %d of %d reflections by summation, %d by profile fitting; %d failed background "
                + "modelling, %d failed summation (bad or overlapped foreground pixels; %d overlapped_fg), %d dont_integrate "
                + "(off the detector, small zeta or foreground mostly invalid); %d overloaded", sum, t.size(), prf, bg, fg,
                overlapped, skipped, over));
    }
}
