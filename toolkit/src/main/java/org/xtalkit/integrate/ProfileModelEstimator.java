package org.xtalkit.integrate;

import org.xtalkit.XtalException;
import org.xtalkit.math.Erf;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;
import org.xtalkit.table.Flag;
import org.xtalkit.table.MaskCode;
import org.xtalkit.table.ReflectionTable;
import org.xtalkit.table.Shoebox;

import java.util.ArrayList;
import java.util.List;

/**
 * σ_b and σ_m of the gaussian_rs profile model from the strong reflections that refinement used,
 * as DIALS' ProfileModelCalculator: σ_b from the spread of the beam vectors of each spot's pixels
 * about its predicted s1; σ_m by DIALS' default "extended" maximum likelihood: the counts a spot
 * puts on each frame against the fraction a Gaussian rocking curve of width σ_m would put there,
 * given its predicted φ and zeta (reflections with |zeta| &lt; 0.05 left out).
 */
public final class ProfileModelEstimator {
    static final double MIN_ZETA = 0.05;

    private ProfileModelEstimator() {}

    /** Estimate from a refined table with shoeboxes and xyzcal.mm; n_sigma 3 as DIALS. */
    public static ProfileModel estimate(Experiment e, ReflectionTable t, int id) {
        if (!t.has("shoebox"))
            throw new XtalException("the profile model needs the strong spots' shoeboxes: give the refined.refl "
                    + "that spot finding and refinement wrote (shoebox column missing)");
        Shoebox[] sb = t.shoeboxes("shoebox");
        double[] cal = t.vec3("xyzcal.mm");
        int[] ids = t.has("id") ? t.ints("id") : new int[t.size()];
        long[] flags = t.flags();
        boolean anyUsed = false;
        for (long f : flags) anyUsed |= Flag.USED_IN_REFINEMENT.allSetIn(f);
        Vec3 s0 = e.beam().s0(), m2 = e.goniometer().rotationAxisDatum();
        Scan scan = e.scan();
        double k = 1 / e.beam().wavelength();
        List<Double> variances = new ArrayList<>();
        List<double[][]> spots = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (ids[i] != id || sb[i] == null || !sb[i].isAllocated()) continue;
            if (anyUsed ? !Flag.USED_IN_REFINEMENT.allSetIn(flags[i]) : !Flag.INDEXED.allSetIn(flags[i])) continue;
            double x = cal[3 * i], y = cal[3 * i + 1], phi = cal[3 * i + 2];
            if (!Double.isFinite(x)) continue;
            Panel p = e.detector().panel(sb[i].panel());
            Vec3 s1 = p.labCoord(x, y).normalize().times(k);
            double zeta = m2.dot(s1.cross(s0).normalize());
            if (Math.abs(zeta) < MIN_ZETA) continue;
            double v = beamDirectionVariance(sb[i], p, s1);
            if (v >= 0) variances.add(v);
            double[][] frames = framesOf(sb[i], scan, phi, zeta);
            if (frames.length > 0) spots.add(frames);
        }
        if (variances.size() < 10)
            throw new XtalException("only " + variances.size() + " strong reflections usable for the profile model (need 10)");
        double sum = 0;
        for (double v : variances) sum += v;
        double sigmaB = Math.sqrt(sum / variances.size());
        double sigmaM = maximumLikelihoodSigmaM(spots, Math.toRadians(scan.oscillationWidth()));
        return new ProfileModel(sigmaB, sigmaM, 3);
    }

    /** Σ v·angle² / (Σ v − 1) over the spot's pixels (mask ≠ 0), angles between pixel-centre beam vectors and s1. */
    static double beamDirectionVariance(Shoebox sb, Panel p, Vec3 s1) {
        int[] b = sb.bbox();
        int nx = b[1] - b[0], ny = b[3] - b[2];
        double sv = 0, sva = 0;
        for (int idx = 0; idx < sb.data().length; idx++) {
            if (sb.mask()[idx] == 0) continue;
            double v = sb.data()[idx];
            int x = idx % nx, y = (idx / nx) % ny;
            double angle = p.pixelToLab(b[0] + x + 0.5, b[2] + y + 0.5).angle(s1);
            sv += v;
            sva += v * angle * angle;
        }
        return sv > 1 ? sva / (sv - 1) : -1;
    }

    /** Per frame with foreground counts (mask exactly valid|foreground, as DIALS): τ = φ(frame centre) − φ_c, ζ, counts. */
    private static double[][] framesOf(Shoebox sb, Scan scan, double phi, double zeta) {
        int[] b = sb.bbox();
        int plane = (b[1] - b[0]) * (b[3] - b[2]);
        int code = MaskCode.VALID | MaskCode.FOREGROUND;
        List<double[]> out = new ArrayList<>();
        for (int z = b[4]; z < b[5]; z++) {
            double d = 0;
            for (int i = (z - b[4]) * plane; i < (z - b[4] + 1) * plane; i++) if (sb.mask()[i] == code) d += sb.data()[i];
            if (d <= 0) continue;
            double mid = Math.toRadians(scan.angleFromFrame(z + 0.5));
            out.add(new double[] {mid - phi, zeta, d});
        }
        return out.toArray(double[][]::new);
    }

    /**
     * σ_m maximising DIALS' extended likelihood: per spot j with counts n_i on its frames and
     * fractions z_i = [erf((τ+Δφ/2)|ζ|/√2σ) − erf((τ−Δφ/2)|ζ|/√2σ)] / 2,
     * L_j = Σ n_i log z_i − (K_j − 1) log Σ z_i. Golden-section search on log σ between 0.001° and 5°.
     */
    static double maximumLikelihoodSigmaM(List<double[][]> spots, double dphi) {
        if (spots.isEmpty()) throw new XtalException("no strong spot frames to estimate the mosaicity from");
        double lo = Math.log(Math.toRadians(0.001)), hi = Math.log(Math.toRadians(5));
        double g = (Math.sqrt(5) - 1) / 2;
        double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
        double fa = -logLikelihood(spots, dphi, Math.exp(a)), fb = -logLikelihood(spots, dphi, Math.exp(b));
        for (int it = 0; it < 80; it++) {
            if (fa < fb) { hi = b; b = a; fb = fa; a = hi - g * (hi - lo); fa = -logLikelihood(spots, dphi, Math.exp(a)); }
            else { lo = a; a = b; fa = fb; b = lo + g * (hi - lo); fb = -logLikelihood(spots, dphi, Math.exp(b)); }
        }
        return Math.exp(0.5 * (lo + hi));
    }

    private static double logLikelihood(List<double[][]> spots, double dphi, double sigma) {
        double total = 0, r2 = Math.sqrt(2);
        for (double[][] frames : spots) {
            double k = 0, sumZ = 0, l = 0;
            for (double[] f : frames) {
                double z = Math.abs(f[1]);
                double zi = (Erf.erf((f[0] + dphi / 2) * z / r2 / sigma) - Erf.erf((f[0] - dphi / 2) * z / r2 / sigma)) / 2;
                zi = Math.max(zi, 1e-10);
                l += f[2] * Math.log(zi);
                k += f[2];
                sumZ += zi;
            }
            double logZ = Math.log(sumZ);
            total += l - k * logZ + logZ;
        }
        return total;
    }
}
