package org.xtalkit.io.image;

/**
 * The images of one sweep or image set, read on demand: image i -> counts per panel. Reading
 * image i touches image i only (streaming: never the whole sweep in memory). Implementations are
 * thread-safe so that image blocks can be read in parallel.
 *
 * <p>Pixel values are the raw counts as the detector wrote them, as int (dxtbx's int raw data);
 * gaps and dead pixels hold the detector's flag values (-1, -2) which the static mask excludes.
 */
public interface ImageSource extends AutoCloseable {

    /** Number of images (frames) in this source. */
    int size();

    /** Number of panels every image has. */
    int numPanels();

    /** Pixels per panel (fast size × slow size, slow-major: index = slow * fast + fast). */
    int[] panelSize(int panel);

    /** Image {@code index} (0-based within this source): one int[] per panel, slow-major. */
    int[][] read(int index);

    /**
     * The mask that holds for every image (false = do not use): panel gaps and bad pixels the file
     * declares (NeXus pixel_mask). Trusted range and untrusted rectangles are the detector model's
     * and applied by the steps. Null when the file declares none.
     */
    default boolean[][] staticMask() { return null; }

    /** A short description for messages: the file or template. */
    String description();

    @Override default void close() {}
}
