package org.xtalkit.simulate;

import org.xtalkit.io.image.ImageSource;
import org.xtalkit.math.Erf;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Panel;

import java.util.SplittableRandom;

/**
 * The simulated images, computed on demand: image i depends only on the seed and i (its noise
 * comes from its own random stream), so any image can be read alone, in any order, from any thread,
 * and always gives the same pixels.
 *
 * <p>Pixel counts are Poisson: background (flat plus a water ring at 3.7 Å, times the image's scale)
 * plus, for each crossing that reaches the image, its expected counts spread as a Gaussian
 * integrated exactly over each pixel. Module gaps hold -1; counts at or above the trusted maximum
 * are written as the maximum (an overload, as the detector reports it).
 */
public final class SimulatedImageSource implements ImageSource {
    private static final double WATER_RING_D = 3.7, WATER_RING_SIGMA = 0.012;  // Å, and σ in 1/d (Å⁻¹)
    private static final int LEVELS = 1 << 16;

    private final SimulatedSweep sweep;
    private final int nx, ny;
    private final long seed;
    private final boolean[] gap;
    private final double sigmaPx;
    private final int overload;
    /** Background at the largest image scale, quantised: level per pixel, mean and exp(-mean) per level. */
    private final char[] backgroundLevel;
    private final double[] levelMean, levelExp;
    private final double maxScale;

    SimulatedImageSource(SimulationParams p, SimulatedSweep sweep, Panel truePanel, Beam beam) {
        this.sweep = sweep;
        this.nx = truePanel.imageSizeFast();
        this.ny = truePanel.imageSizeSlow();
        this.seed = p.seed();
        this.gap = I04Eiger16M.gapMask(p.binning());
        this.sigmaPx = p.spotSigmaMm() / truePanel.pixelSizeFast();
        this.overload = (int) truePanel.trustedMax();
        double g = 0;
        for (int i = 0; i < sweep.numImages(); i++) g = Math.max(g, sweep.imageScale(i));
        this.maxScale = g;
        // background per pixel from its resolution (plain pixel -> mm mapping: the model is smooth);
        // two passes (maximum, then quantisation) so that no double per pixel is kept
        BackgroundModel model = new BackgroundModel(p, truePanel, beam, maxScale);
        double top = 0;
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++) top = Math.max(top, model.mean(i, j));
        double step = top > 0 ? top / (LEVELS - 1) : 1;
        levelMean = new double[LEVELS];
        levelExp = new double[LEVELS];
        for (int q = 0; q < LEVELS; q++) {
            levelMean[q] = q * step;
            levelExp[q] = Math.exp(-levelMean[q]);
        }
        backgroundLevel = new char[nx * ny];
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++) backgroundLevel[j * nx + i] = (char) Math.round(model.mean(i, j) / step);
    }

    /** Expected background at the largest image scale: flat plus a Gaussian water ring in 1/d. */
    private record BackgroundModel(double perPixelFlat, double perPixelRing, double bx, double by, double size,
                                   double distance, double wavelength) {
        BackgroundModel(SimulationParams p, Panel panel, Beam beam, double scale) {
            this(p.binning() * p.binning() * p.background() * scale, p.binning() * p.binning() * p.waterRing() * scale,
                    panel.beamCentreMm(beam)[0], panel.beamCentreMm(beam)[1], panel.pixelSizeFast(), panel.distance(),
                    beam.wavelength());
        }

        double mean(int i, int j) {
            double dx = (i + 0.5) * size - bx, dy = (j + 0.5) * size - by;
            double twoTheta = Math.atan(Math.sqrt(dx * dx + dy * dy) / distance);
            double ring = (2 * Math.sin(twoTheta / 2) / wavelength - 1 / WATER_RING_D) / WATER_RING_SIGMA;
            return perPixelFlat + perPixelRing * Math.exp(-0.5 * ring * ring);
        }
    }

    @Override public int size() { return sweep.numImages(); }
    @Override public int numPanels() { return 1; }
    @Override public int[] panelSize(int panel) { return new int[] {nx, ny}; }
    @Override public String description() { return "simulated cubic insulin (seed " + seed + ")"; }

    /** Expected background counts of a pixel on image i (what the noise is drawn around). */
    public double backgroundMean(int image, int fast, int slow) {
        return levelMean[backgroundLevel[slow * nx + fast]] * sweep.imageScale(image) / maxScale;
    }

    @Override
    public boolean[][] staticMask() {
        boolean[] ok = new boolean[gap.length];
        for (int q = 0; q < gap.length; q++) ok[q] = !gap[q];
        return new boolean[][] {ok};
    }

    @Override
    public int[][] read(int image) {
        if (image < 0 || image >= size())
            throw new IndexOutOfBoundsException("image " + image + " is outside 0.." + (size() - 1));
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + sweep.frameOffset() + image);
        int[] pixels = new int[nx * ny];
        background(image, pixels, rng);
        int box = 2 * ((int) Math.ceil(4 * sigmaPx) + 1) + 2;
        double[] fx = new double[box], fy = new double[box];
        for (int j = sweep.bucketStart(image); j < sweep.bucketEnd(image); j++)
            spot(sweep.bucketRow(j), image, pixels, rng, fx, fy);
        for (int q = 0; q < pixels.length; q++) {
            if (gap[q]) pixels[q] = -1;
            else if (pixels[q] > overload) pixels[q] = overload;
        }
        return new int[][] {pixels};
    }

    /** Poisson background at the largest image scale, thinned to this image's scale (exactly Poisson). */
    private void background(int image, int[] pixels, SplittableRandom rng) {
        double keep = sweep.imageScale(image) / maxScale;
        for (int q = 0; q < pixels.length; q++) {
            if (gap[q]) continue;
            int level = backgroundLevel[q];
            int c = Poisson.inversion(levelMean[level], levelExp[level], rng);
            if (keep < 1) {
                int kept = 0;
                for (int t = 0; t < c; t++) if (rng.nextDouble() < keep) kept++;
                c = kept;
            }
            pixels[q] = c;
        }
    }

    /** Adds one crossing's counts on this image: Gaussian profile integrated over every pixel, Poisson noise. */
    private void spot(int r, int image, int[] pixels, SplittableRandom rng, double[] fx, double[] fy) {
        double total = sweep.expectedCounts(r, image);
        if (total < 1e-3) return;
        double xc = sweep.x(r), yc = sweep.y(r);
        int half = (int) Math.ceil(4 * sigmaPx) + 1;
        int x0 = Math.max(0, (int) Math.floor(xc) - half), x1 = Math.min(nx - 1, (int) Math.floor(xc) + half);
        int y0 = Math.max(0, (int) Math.floor(yc) - half), y1 = Math.min(ny - 1, (int) Math.floor(yc) + half);
        if (x1 < x0 || y1 < y0) return;
        for (int i = x0; i <= x1; i++) fx[i - x0] = Erf.normalFraction(i, i + 1, xc, sigmaPx);
        for (int j = y0; j <= y1; j++) fy[j - y0] = Erf.normalFraction(j, j + 1, yc, sigmaPx);
        for (int j = y0; j <= y1; j++) {
            double rowCounts = total * fy[j - y0];
            if (rowCounts < 1e-7) continue;
            int row = j * nx;
            for (int i = x0; i <= x1; i++) {
                double mean = rowCounts * fx[i - x0];
                if (mean < 1e-7 || gap[row + i]) continue;
                pixels[row + i] += Poisson.sample(mean, rng);
            }
        }
    }
}
