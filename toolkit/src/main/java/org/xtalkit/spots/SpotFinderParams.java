package org.xtalkit.spots;

/**
 * What the spot finder needs besides the images and masks.
 *
 * @param threshold              the threshold algorithm and its parameters
 * @param minSpotSize            least strong pixels in a spot (DIALS Auto: 3 for pixel-array detectors, 6 else)
 * @param maxSpotSize            most strong pixels in a spot
 * @param maxSeparation          largest peak-to-centroid distance in pixels, or null for no filter
 * @param maxStrongPixelFraction an image with a larger fraction of strong pixels is an error
 * @param nproc                  threads
 */
public record SpotFinderParams(ThresholdParams threshold, int minSpotSize, int maxSpotSize, Double maxSeparation,
                               double maxStrongPixelFraction, int nproc) {
    public SpotFinderParams {
        if (minSpotSize < 1) throw new IllegalArgumentException("min_spot_size must be >= 1, got " + minSpotSize);
        if (maxSpotSize <= minSpotSize)
            throw new IllegalArgumentException("max_spot_size (" + maxSpotSize + ") must exceed min_spot_size (" + minSpotSize + ")");
        if (nproc < 1) throw new IllegalArgumentException("nproc must be >= 1, got " + nproc);
    }

    public static SpotFinderParams defaults(boolean pixelArrayDetector) {
        return new SpotFinderParams(ThresholdParams.defaults(), pixelArrayDetector ? 3 : 6, 1000, 2.0, 0.25,
                Runtime.getRuntime().availableProcessors());
    }
}
