package org.xtalkit.spots;

/**
 * DIALS' spotfinder.threshold parameters (dispersion scope).
 *
 * @param algorithm        "dispersion" or "dispersion_extended" (DIALS 3.12's default)
 * @param gain             detector gain, or null for DIALS' gain-free formulas (gain=None)
 * @param kernelSize       half sizes (ky, kx) of the local window: (2ky+1) x (2kx+1) pixels; DIALS kernel_size
 * @param sigmaBackground  index-of-dispersion cut, DIALS sigma_background (n_sigma_b)
 * @param sigmaStrong      pixel-above-mean cut, DIALS sigma_strong (n_sigma_s)
 * @param minLocal         least number of valid pixels in the window, DIALS min_local (0 = whole window)
 * @param globalThreshold  a strong pixel must exceed this value, DIALS global_threshold
 */
public record ThresholdParams(String algorithm, Double gain, int[] kernelSize, double sigmaBackground,
                              double sigmaStrong, int minLocal, double globalThreshold) {

    public ThresholdParams {
        if (!algorithm.equals("dispersion") && !algorithm.equals("dispersion_extended"))
            throw new IllegalArgumentException("threshold.algorithm=" + algorithm
                    + " is not supported; choose dispersion or dispersion_extended");
        if (kernelSize.length != 2 || kernelSize[0] <= 0 || kernelSize[1] <= 0)
            throw new IllegalArgumentException("kernel_size needs two positive integers, got "
                    + java.util.Arrays.toString(kernelSize));
        if (kernelSize[0] > 63 || kernelSize[1] > 63)
            throw new IllegalArgumentException("kernel_size " + kernelSize[0] + "," + kernelSize[1] + " is too large (at most 63,63)");
        kernelSize = kernelSize.clone();
        if (gain != null && !(gain > 0)) throw new IllegalArgumentException("gain must be > 0, got " + gain);
        if (sigmaBackground < 0 || sigmaStrong < 0) throw new IllegalArgumentException("sigma_background and sigma_strong must be >= 0");
        if (globalThreshold < 0) throw new IllegalArgumentException("global_threshold must be >= 0, got " + globalThreshold);
        int window = (2 * kernelSize[0] + 1) * (2 * kernelSize[1] + 1);
        if (minLocal > 0 && (minLocal > window || minLocal < 2))
            throw new IllegalArgumentException("min_local=" + minLocal + " must lie in 2.." + window + " for kernel_size "
                    + kernelSize[0] + "," + kernelSize[1]);
    }

    /** DIALS 3.12's defaults. */
    public static ThresholdParams defaults() {
        return new ThresholdParams("dispersion_extended", null, new int[] {3, 3}, 6, 3, 2, 0);
    }

    public boolean extended() { return algorithm.equals("dispersion_extended"); }
}
