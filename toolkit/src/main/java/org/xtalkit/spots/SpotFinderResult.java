package org.xtalkit.spots;

import java.util.List;

/**
 * What the spot finder found in one image set.
 *
 * @param spots             the accepted spots in DIALS' order (panel, then first pixel)
 * @param firstFrame        frame (z) of the first image
 * @param strongPixels      strong pixels per image (all panels)
 * @param extracted         connected regions found
 * @param tooSmall          regions with fewer than min_spot_size pixels
 * @param tooLarge          regions with more than max_spot_size pixels
 * @param separated         spots removed by the peak-centroid distance filter
 * @param hotPixels         per panel, the pixels strong on every image (only counted for sweeps of 2+ images)
 */
public record SpotFinderResult(List<Spot> spots, int firstFrame, int[] strongPixels, int extracted, int tooSmall,
                               int tooLarge, int separated, int[][] hotPixels) {
    public SpotFinderResult {
        spots = List.copyOf(spots);
    }
}
