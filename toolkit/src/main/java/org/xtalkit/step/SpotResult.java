package org.xtalkit.step;

import org.xtalkit.spots.ImageStats;
import org.xtalkit.table.ReflectionTable;

import java.util.List;

/**
 * What find_spots returns: the strong reflections (DIALS' strong.refl columns) and, per image set,
 * the spots per image with a resolution estimate (the data of the "spots per image" plot) and the
 * histogram DIALS prints.
 *
 * @param reflections the strong spots
 * @param imageSets   per image set, in the order of the experiments
 */
public record SpotResult(ReflectionTable reflections, List<ImageSetSpots> imageSets) {
    public SpotResult {
        imageSets = List.copyOf(imageSets);
    }

    /**
     * @param imageSet     image set index
     * @param images       per image: spot count, spots at d &gt; 4 Å, total intensity, resolution estimate
     * @param strongPixels strong pixels per image
     * @param histogram    DIALS' text histogram of spots per image
     * @param hotPixels    pixels strong on every image (0 for single images)
     */
    public record ImageSetSpots(int imageSet, List<ImageStats> images, int[] strongPixels, String histogram, int hotPixels) {
        public ImageSetSpots {
            images = List.copyOf(images);
        }
    }

    @Override public String toString() {
        return "SpotResult(" + reflections.size() + " strong spots in " + imageSets.size() + " image set(s))";
    }
}
