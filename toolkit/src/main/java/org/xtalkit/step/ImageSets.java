package org.xtalkit.step;

import org.xtalkit.io.image.ImageSource;
import org.xtalkit.model.ImageSetRef;

import java.nio.file.Path;

/**
 * Opens the images of an experiment's image set for a step: a template ({@code thau_####.cbf})
 * expands to the scan's image numbers; a container file (NeXus) is opened whole and viewed over the
 * scan's frames. Relative paths resolve against {@code baseDir} (the folder of the .expt file, as
 * dxtbx does). One implementation, {@link org.xtalkit.io.image.ImageSets}, serves import and the steps.
 */
public final class ImageSets {
    private ImageSets() {}

    /** Images firstImage..lastImage (the scan's 1-based numbers) of the image set. */
    public static ImageSource open(ImageSetRef ref, int firstImage, int lastImage, Path baseDir) {
        return org.xtalkit.io.image.ImageSets.open(ref, firstImage, lastImage, baseDir);
    }
}
