package org.xtalkit.step.process;

import org.xtalkit.XtalException;
import org.xtalkit.io.mtz.Mtz;
import org.xtalkit.math.Correlation;
import org.xtalkit.io.mtz.MtzReader;
import org.xtalkit.model.UnitCell;
import org.xtalkit.progress.Progress;
import org.xtalkit.simulate.Simulate;
import org.xtalkit.simulate.SimulationParams;
import org.xtalkit.simulate.SimulationWriter;
import org.xtalkit.simulate.SweepPlan;
import org.xtalkit.simulate.WilsonIntensities;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo data of {@code xtal process demo}: the embedded simulated insulin sweep written once as
 * miniCBF files (so that every step, a later step-by-step run and DIALS read the same images the
 * way they read real data), and the correlation of merged intensities with the truth.
 */
public final class DemoData {
    static final String PREFIX = "insulin";
    private static final String STAMP = "demo.params";

    private DemoData() {}

    /**
     * Writes the sweep into dir unless the same simulation is already there; returns the image template.
     *
     * @param words the simulation's key=value words, recorded beside the images to recognise them later
     */
    public static String write(SimulationParams params, String words, Path dir, int nproc, Progress progress) {
        Path stamp = dir.resolve(STAMP);
        words = words + " simulator=" + simulatorBuild();
        String template = dir.resolve(PREFIX + "_####.cbf").toString();
        if (sameSimulation(stamp, words, dir, params.nImages())) {
            progress.log("Reusing the simulated insulin images in " + dir + " (" + words + ")");
            return template;
        }
        progress.log(String.format(Locale.ROOT, "Simulating cubic insulin: %d images, binning %d, seed %d -> %s",
                params.nImages(), params.binning(), params.seed(), dir));
        SimulationWriter.write(Simulate.insulin(params), dir, SimulationWriter.Format.CBF, PREFIX, nproc, progress);
        try {
            Files.writeString(stamp, words + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw XtalException.badFile(stamp, "cannot write: " + e.getMessage(), e);
        }
        return template;
    }

    /** When the simulator's code was built: images of an older simulator are made again, not reused. */
    static long simulatorBuild() {
        try {
            Path code = Path.of(Simulate.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.getLastModifiedTime(Files.isDirectory(code) ? code.resolve("org/xtalkit/simulate/Simulate.class") : code).toMillis();
        } catch (Exception e) {
            return 0;
        }
    }

    /**
     * Several sweeps of the crystal (SmarGon settings of {@link SweepPlan#spread}) written as NXmx,
     * one file per sweep, unless the same simulation is already there; returns the sweep files.
     */
    public static List<String> writeSweeps(SimulationParams params, SweepPlan plan, String words, Path dir, int nproc,
                                           Progress progress) {
        Path stamp = dir.resolve(STAMP);
        words = words + " simulator=" + simulatorBuild();
        List<String> files = new ArrayList<>();
        boolean present = true;
        for (int k = 0; k < plan.sweeps(); k++) {
            Path f = SimulationWriter.sweepFile(dir, PREFIX, k);
            files.add(f.toString());
            present &= Files.isRegularFile(f);
        }
        if (present && stampSays(stamp, words)) {
            progress.log("Reusing the simulated insulin sweeps in " + dir + " (" + words + ")");
            return files;
        }
        progress.log(String.format(Locale.ROOT, "Simulating cubic insulin: %d sweeps of %d images, binning %d, seed %d -> %s",
                plan.sweeps(), params.nImages(), params.binning(), params.seed(), dir));
        SimulationWriter.writeSweeps(Simulate.insulinSweeps(params, plan), dir, PREFIX, nproc, progress);
        try {
            Files.writeString(stamp, words + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw XtalException.badFile(stamp, "cannot write: " + e.getMessage(), e);
        }
        return files;
    }

    private static boolean stampSays(Path stamp, String words) {
        try {
            return Files.isRegularFile(stamp) && Files.readString(stamp, StandardCharsets.UTF_8).strip().equals(words);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean sameSimulation(Path stamp, String words, Path dir, int nImages) {
        try {
            if (!Files.isRegularFile(stamp) || !Files.readString(stamp, StandardCharsets.UTF_8).strip().equals(words)) return false;
        } catch (IOException e) {
            return false;
        }
        for (int i = 1; i <= nImages; i++)
            if (!Files.isRegularFile(dir.resolve(String.format(Locale.ROOT, "%s_%04d.cbf", PREFIX, i)))) return false;
        return true;
    }

    /**
     * Pearson CC of IMEAN in a merged MTZ with the true intensities. The processed indexing may differ
     * from the truth's by the twin operator of m-3m over m-3 (h,k,l -> k,h,-l): both are tried, the
     * better one counts.
     */
    public static double ccToTruth(Path mergedMtz, SimulationParams params) {
        Mtz mtz = MtzReader.read(mergedMtz);
        float[] h = mtz.column("H").data(), k = mtz.column("K").data(), l = mtz.column("L").data(), i = mtz.column("IMEAN").data();
        int n = mtz.rows();
        int[] hkl = new int[3 * n];
        double[] iMean = new double[n];
        for (int r = 0; r < n; r++) {
            hkl[3 * r] = Math.round(h[r]); hkl[3 * r + 1] = Math.round(k[r]); hkl[3 * r + 2] = Math.round(l[r]);
            iMean[r] = i[r];
        }
        return ccToTruth(hkl, iMean, mtz.cell(), params);
    }

    /** The same for merged intensities in memory (e.g. one sweep's share of a multi-sweep run); NaN rows skipped. */
    public static double ccToTruth(int[] hkl, double[] iMean, UnitCell cell, SimulationParams params) {
        WilsonIntensities truth = new WilsonIntensities(params.seed(), params.bFactor(), params.anomalous());
        int n = iMean.length;
        double[] obs = new double[n], direct = new double[n], twin = new double[n];
        int m = 0;
        for (int r = 0; r < n; r++) {
            if (Double.isNaN(iMean[r])) continue;
            int a = hkl[3 * r], b = hkl[3 * r + 1], c = hkl[3 * r + 2];
            double d = cell.dSpacing(a, b, c);
            obs[m] = iMean[r];
            direct[m] = meanOfFriedel(truth, a, b, c, d);
            twin[m] = meanOfFriedel(truth, b, a, -c, d);
            m++;
        }
        return Math.max(Correlation.pearson(obs, direct, m), Correlation.pearson(obs, twin, m));
    }

    /** IMEAN merges both Friedel mates. */
    private static double meanOfFriedel(WilsonIntensities t, int h, int k, int l, double d) {
        return 0.5 * (t.intensity(h, k, l, d) + t.intensity(-h, -k, -l, d));
    }
}
