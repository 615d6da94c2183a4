package org.xtalkit.spots;

import org.xtalkit.math.Erf;
import org.xtalkit.model.Panel;
import org.xtalkit.simulate.SimulatedImageSource;
import org.xtalkit.simulate.SimulatedSweep;
import org.xtalkit.simulate.Simulation;

/**
 * What a crystallographer would call the true spots of a simulated sweep: per Ewald-sphere crossing,
 * the counts it actually deposits on valid pixels of the sweep's images, where their centroid lies
 * (pixels, and frames with each image sampled at its centre, as DIALS' centroids are), and its true
 * I/σ = I / √(I + B), B being the expected background summed over a summation-integration region:
 * the pixels within 3σ of the centre on the images the ±3σ rocking curve reaches.
 */
final class TrueSpots {
    static final double N_SIGMA = 3;

    final int n;
    final double[] x, y, z, counts, background, sigmaZ;

    TrueSpots(Simulation sim) {
        SimulatedSweep s = sim.truth().reflections();
        SimulatedImageSource images = sim.images();
        Panel panel = sim.truth().experiments().get(0).detector().panel(0);
        int nx = panel.imageSizeFast(), ny = panel.imageSizeSlow(), nImages = s.numImages();
        boolean[] ok = images.staticMask()[0];
        double sigmaPx = sim.params().spotSigmaMm() / panel.pixelSizeFast();
        int half = (int) Math.ceil(4 * sigmaPx) + 1;
        n = s.size();
        x = new double[n]; y = new double[n]; z = new double[n];
        counts = new double[n]; background = new double[n]; sigmaZ = new double[n];
        double[] fx = new double[2 * half + 1], fy = new double[2 * half + 1];
        for (int r = 0; r < n; r++) {
            double xc = s.x(r), yc = s.y(r);
            int x0 = (int) Math.floor(xc) - half, y0 = (int) Math.floor(yc) - half;
            for (int k = 0; k <= 2 * half; k++) {
                fx[k] = Erf.normalFraction(x0 + k, x0 + k + 1, xc, sigmaPx);
                fy[k] = Erf.normalFraction(y0 + k, y0 + k + 1, yc, sigmaPx);
            }
            // fraction of the profile on valid pixels, and its centroid
            double frac = 0, sx = 0, sy = 0;
            for (int b = 0; b <= 2 * half; b++)
                for (int a = 0; a <= 2 * half; a++) {
                    int i = x0 + a, j = y0 + b;
                    if (i < 0 || j < 0 || i >= nx || j >= ny || !ok[j * nx + i]) continue;
                    double w = fx[a] * fy[b];
                    frac += w;
                    sx += w * (i + 0.5);
                    sy += w * (j + 0.5);
                }
            // recorded counts and their frame centroid
            int first = Math.max(0, (int) Math.floor(s.z(r) - 5 * s.sigmaZ(r)));
            int last = Math.min(nImages - 1, (int) Math.floor(s.z(r) + 5 * s.sigmaZ(r)));
            double total = 0, sz = 0;
            for (int i = first; i <= last; i++) {
                double e = s.expectedCounts(r, i);
                total += e;
                sz += e * (i + 0.5);
            }
            x[r] = frac > 0 ? sx / frac : xc;
            y[r] = frac > 0 ? sy / frac : yc;
            z[r] = total > 0 ? sz / total : s.z(r);
            counts[r] = total * frac;
            sigmaZ[r] = s.sigmaZ(r);
            // background under the summation region
            int bFirst = Math.max(0, (int) Math.floor(s.z(r) - N_SIGMA * s.sigmaZ(r)));
            int bLast = Math.min(nImages - 1, (int) Math.floor(s.z(r) + N_SIGMA * s.sigmaZ(r)));
            double radius2 = N_SIGMA * sigmaPx * N_SIGMA * sigmaPx, bg = 0;
            for (int j = y0; j <= y0 + 2 * half; j++)
                for (int i = x0; i <= x0 + 2 * half; i++) {
                    if (i < 0 || j < 0 || i >= nx || j >= ny || !ok[j * nx + i]) continue;
                    double dx = i + 0.5 - xc, dy = j + 0.5 - yc;
                    if (dx * dx + dy * dy > radius2) continue;
                    for (int f = bFirst; f <= bLast; f++) bg += images.backgroundMean(f, i, j);
                }
            background[r] = bg;
        }
    }

    /** True I/σ of crossing r: recorded counts over the Poisson error of a summation with a known background. */
    double iOverSigma(int r) {
        return counts[r] / Math.sqrt(counts[r] + background[r]);
    }
}
