package org.xtalkit.index;

import org.xtalkit.XtalException;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.Panel;
import org.xtalkit.progress.Progress;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * dials.search_beam_position (the default method after Sauter, Grosse-Kunstleve & Adams 2004):
 * the beam centre that makes the low-resolution reciprocal lattice most periodic. For trial shifts
 * of the detector in its plane, spots are mapped to reciprocal space and scored by the strongest
 * 1D Fourier peaks of their projections over a hemisphere of directions; a coarse grid over
 * ±mm_search_scope is followed by 3 x 3 neighbourhoods at halving steps around the best point.
 */
public final class BeamCentreSearch {
    private BeamCentreSearch() {}

    /** The optimised experiments, the shift applied (mm along the first panel's fast and slow axes) and the scores. */
    public record Result(ExperimentList optimised, double shiftFastMm, double shiftSlowMm, double initialScore, double finalScore) {}

    static final int MAX_SPOTS = 300;

    public static Result run(ExperimentList imported, ReflectionTable strong, double searchScopeMm, Progress progress) {
        if (imported.size() != 1) throw new XtalException("search_beam_position: one sweep at a time; got " + imported.size() + " experiments");
        Experiment e = imported.get(0);
        ReflectionTable refl = strong.copy();
        if (!refl.has("id")) refl.newInts("id");
        Arrays.fill(refl.ints("id"), 0);
        ReciprocalSpace.map(imported, refl);
        int n = refl.size();
        double[] rlp = refl.vec3("rlp"), mm = refl.vec3("xyzobs.mm.value");
        double[] phiDeg = new double[n];
        for (int i = 0; i < n; i++) phiDeg[i] = Math.toDegrees(mm[3 * i + 2]);
        double maxCell = MaxCellEstimate.estimate(rlp, phiDeg, new int[n], Indexer.nonOverlapping(refl), 1.3);
        // the lowest-resolution spots: most sensitive to the centre, least to direction sampling
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(norm(rlp, a), norm(rlp, b)));
        int m = Math.min(n, MAX_SPOTS);
        double[] px = refl.vec3("xyzobs.px.value");
        int[] panel = refl.has("panel") ? refl.intsOf("panel") : new int[n];
        double[] subPx = new double[3 * m];
        int[] subPanel = new int[m];
        for (int j = 0; j < m; j++) { System.arraycopy(px, 3 * order[j], subPx, 3 * j, 3); subPanel[j] = panel[order[j]]; }
        double dMin = 1 / Math.sqrt(norm(rlp, order[m - 1]));

        double[] dirs = Hemisphere.directions(Math.toRadians(2.0));
        Scorer scorer = new Scorer(e, subPx, subPanel, dirs, maxCell, dMin);
        double s0 = scorer.score(0, 0);
        double bx = 0, by = 0, best = s0;
        // a coarse grid over the scope, then 3 x 3 neighbourhoods at halving steps around the best point
        double step = 0.4;
        int k = (int) Math.round(searchScopeMm / step);
        for (int i = -k; i <= k; i++)
            for (int j = -k; j <= k; j++) {
                double x = i * step, y = j * step;
                if (Math.hypot(x, y) > searchScopeMm + 1e-9) continue;
                double s = scorer.score(x, y);
                if (s > best) { best = s; bx = x; by = y; }
            }
        for (step /= 2; step > 0.02; step /= 2) {
            double cx = bx, cy = by;
            for (int i = -1; i <= 1; i++)
                for (int j = -1; j <= 1; j++) {
                    double x = cx + i * step, y = cy + j * step;
                    if ((i | j) == 0 || Math.hypot(x, y) > searchScopeMm + 1e-9) continue;
                    double s = scorer.score(x, y);
                    if (s > best) { best = s; bx = x; by = y; }
                }
        }
        Experiment out = shifted(e, bx, by);
        Panel p0 = e.detector().panel(0);
        double[] before = p0.beamCentrePx(e.beam()), after = out.detector().panel(0).beamCentrePx(out.beam());
        progress.log(String.format(Locale.ROOT, "Old beam centre: %.2f, %.2f px%nNew beam centre: %.2f, %.2f px%nShift: %.2f, %.2f mm (score %.4g -> %.4g)",
                before[0], before[1], after[0], after[1], -bx, -by, s0, best));
        return new Result(ExperimentList.of(out), bx, by, s0, best);
    }

    /** The experiment with every panel moved by (dx, dy) mm along the first panel's fast and slow axes. */
    static Experiment shifted(Experiment e, double dx, double dy) {
        Panel p0 = e.detector().panel(0);
        Vec3 shift = p0.fastAxis().times(dx).plus(p0.slowAxis().times(dy));
        List<Panel> panels = new ArrayList<>();
        for (Panel p : e.detector().panels()) panels.add(p.withFrame(p.fastAxis(), p.slowAxis(), p.origin().plus(shift)));
        return e.withDetector(e.detector().withPanels(panels));
    }

    private static double norm(double[] v, int i) { return v[3 * i] * v[3 * i] + v[3 * i + 1] * v[3 * i + 1] + v[3 * i + 2] * v[3 * i + 2]; }

    /**
     * Periodicity score for a trial shift: near each of the 20 best lattice directions found at the
     * starting centre (searched on a fine local grid, since a centre error turns the lattice
     * slightly), the strongest cosine sum of planes through the origin; summed. The origin matters:
     * along the spindle a centre error mostly translates the lattice, which the power alone cannot see.
     */
    private static final class Scorer {
        final Experiment e;
        final double[] px;
        final int[] panel;
        final double maxCell, dMin;
        final List<double[]> localGrids = new ArrayList<>();

        Scorer(Experiment e, double[] px, int[] panel, double[] dirs, double maxCell, double dMin) {
            this.e = e; this.px = px; this.panel = panel; this.maxCell = maxCell; this.dMin = dMin;
            double[] pw = Fft1d.peakPowers(rlp(0, 0), dirs, maxCell, dMin, null);
            Integer[] order = new Integer[pw.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(pw[b], pw[a]));
            List<Vec3> picked = new ArrayList<>();
            for (int i = 0; i < order.length && picked.size() < 20; i++) {
                int d = order[i];
                Vec3 u = new Vec3(dirs[3 * d], dirs[3 * d + 1], dirs[3 * d + 2]);
                boolean near = false;
                for (Vec3 v : picked) if (Math.toDegrees(Math.acos(Math.min(1, Math.abs(u.dot(v))))) < 6) near = true;
                if (!near) picked.add(u);
            }
            for (Vec3 u : picked) localGrids.add(localGrid(u, Math.toRadians(2), Math.toRadians(0.25)));
        }

        /** Directions within ±half of u on a square grid of the given step. */
        static double[] localGrid(Vec3 u, double half, double step) {
            Vec3 a = u.cross(Math.abs(u.x()) < 0.9 ? new Vec3(1, 0, 0) : new Vec3(0, 1, 0)).normalize(), b = u.cross(a);
            int k = (int) Math.round(half / step);
            double[] out = new double[3 * (2 * k + 1) * (2 * k + 1)];
            int n = 0;
            for (int i = -k; i <= k; i++)
                for (int j = -k; j <= k; j++) {
                    Vec3 v = u.plus(a.times(i * step)).plus(b.times(j * step)).normalize();
                    out[n++] = v.x(); out[n++] = v.y(); out[n++] = v.z();
                }
            return out;
        }

        double[] rlp(double dx, double dy) {
            Experiment t = shifted(e, dx, dy);
            int m = panel.length;
            double[] rlp = new double[3 * m];
            for (int i = 0; i < m; i++) {
                Panel p = t.detector().panel(panel[i]);
                double[] xy = p.pixelToMm(px[3 * i], px[3 * i + 1]);
                Vec3 s1 = p.labCoord(xy[0], xy[1]).normalize().times(1 / t.beam().wavelength());
                Vec3 r = ReciprocalSpace.rlpAtZero(t, s1, Math.toRadians(t.scan().angleFromFrame(px[3 * i + 2])));
                rlp[3 * i] = r.x(); rlp[3 * i + 1] = r.y(); rlp[3 * i + 2] = r.z();
            }
            return rlp;
        }

        double score(double dx, double dy) {
            double[] r = rlp(dx, dy);
            double s = 0;
            for (double[] grid : localGrids) {
                double best = 0;
                for (double p : Fft1d.originPhasedPeaks(r, grid, maxCell, dMin)) best = Math.max(best, p);
                s += best;
            }
            return s;
        }
    }
}
