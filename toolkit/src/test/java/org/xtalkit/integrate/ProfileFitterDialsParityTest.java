package org.xtalkit.integrate;

import org.xtalkit.math.Correlation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtalkit.SharedData;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflWriter;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;
import org.xtalkit.table.Shoebox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Developer check against DIALS itself (skipped where DIALS is not installed): the same synthetic
 * shoeboxes go through DIALS' GaussianRSProfileModeller (model, normalise, fit in reciprocal
 * space) and TransformForward, and through ProfileFitter; grids and fitted intensities agree.
 */
class ProfileFitterDialsParityTest {
    @TempDir Path dir;

    @Test void agreesWithDials() throws Exception {
        SharedData.assumeCommand("dials.import");
        ProfileFitterTest.synthesise();
        List<ProfileFitterTest.Refl> full = ProfileFitterTest.full;
        var e = ProfileFitterTest.e;
        var model = ProfileFitterTest.model;
        int n = full.size();
        ReflectionTable t = new ReflectionTable(n);
        double[] s1 = t.newVec3("s1"), px = t.newVec3("xyzcal.px"), mm = t.newVec3("xyzcal.mm");
        double[] partiality = t.newDoubles("partiality");
        Shoebox[] sbs = t.newShoeboxes("shoebox");
        t.newInts("id");
        t.newSizes("panel");
        for (int i = 0; i < n; i++) {
            var r = full.get(i);
            s1[3 * i] = r.s1().x();
            s1[3 * i + 1] = r.s1().y();
            s1[3 * i + 2] = r.s1().z();
            double[] xy = e.detector().panel(0).rayToPixel(r.s1());
            px[3 * i] = xy[0];
            px[3 * i + 1] = xy[1];
            px[3 * i + 2] = r.frame();
            mm[3 * i + 2] = r.phi();
            sbs[i] = r.noisy();
            if (r.intensity() > 1000) {
                partiality[i] = 1;
                t.setFlag(i, Flag.INTEGRATED_SUM);
            }
        }
        Path expt = dir.resolve("in.expt"), refl = dir.resolve("in.refl"), csv = dir.resolve("out.csv"),
                script = dir.resolve("dials_profile_fit.py");
        ExptFile.write(ExperimentList.of(e), expt);
        ReflWriter.write(t, refl);
        try (InputStream in = getClass().getResourceAsStream("dials_profile_fit.py")) {
            Files.copy(in, script);
        }
        int nTransforms = 20;
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), expt.toString(), refl.toString(),
                String.valueOf(model.sigmaB()), String.valueOf(model.sigmaM()), String.valueOf(model.nSigma()),
                csv.toString(), String.valueOf(nTransforms)).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        List<String> lines = Files.readAllLines(csv);

        ProfileFitter f = new ProfileFitter(e, model);
        for (var r : full) if (r.intensity() > 1000) f.addReference(r.noisy(), r.s1(), r.phi(), r.frame());
        f.finishReferences();
        double[] ours = new double[n], theirs = new double[n];
        double maxCorrDiff = 0, maxDiffSigma = 0;
        for (int i = 0; i < n; i++) {
            String[] w = lines.get(i).split(",");
            var r = full.get(i);
            var fit = f.fit(r.noisy(), r.s1(), r.phi(), r.frame());
            assertEquals(w[4].equals("1"), fit.success(), "success of reflection " + i);
            ours[i] = fit.intensity();
            theirs[i] = Double.parseDouble(w[1]);
            maxCorrDiff = Math.max(maxCorrDiff, Math.abs(fit.correlation() - Double.parseDouble(w[3])));
            maxDiffSigma = Math.max(maxDiffSigma, Math.abs(ours[i] - theirs[i]) / Math.sqrt(Double.parseDouble(w[2])));
        }
        double cc = Correlation.pearson(ours, theirs);
        assertTrue(cc > 0.999, "CC(xtalkit prf, DIALS prf) = " + cc);

        double worstGrid = 0;
        for (int i = 0; i < nTransforms; i++) {
            var r = full.get(i);
            double[] bg = new double[f.gridPoints() * f.gridPoints() * f.gridPoints()];
            double[] grid = f.transformed(r.noisy(), r.s1(), r.phi(), false, bg, null);
            String[] dw = lines.get(n + 2 * i).split(","), bw = lines.get(n + 2 * i + 1).split(",");
            double max = 0, diff = 0;
            for (int j = 0; j < grid.length; j++) {
                max = Math.max(max, Math.abs(grid[j]));
                diff = Math.max(diff, Math.abs(grid[j] - Double.parseDouble(dw[j + 1])));
                diff = Math.max(diff, Math.abs(bg[j] - Double.parseDouble(bw[j + 1])));
            }
            worstGrid = Math.max(worstGrid, diff / max);
        }
        System.out.print(log);
        System.out.printf("DIALS parity: CC(prf) %.6f, max |ΔI|/σ %.4f, max |Δcorrelation| %.4f, worst grid difference %.2e of max%n",
                cc, maxDiffSigma, maxCorrDiff, worstGrid);
        assertEquals(0, maxDiffSigma, 0.05, "largest intensity difference in σ");
        assertEquals(0, worstGrid, 1e-3, "grid difference relative to the grid maximum");
    }

}
