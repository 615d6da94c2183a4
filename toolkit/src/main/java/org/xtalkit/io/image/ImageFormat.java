package org.xtalkit.io.image;

import java.nio.file.Path;
import java.util.List;

/**
 * One image file format, as a dxtbx Format class: recognises its files, reads the experimental
 * models from their headers and opens them for streaming. Formats are found with ServiceLoader
 * (META-INF/services/org.xtalkit.io.image.ImageFormat); the most specific one that understands a
 * file wins (higher {@link #priority()}), as dxtbx picks the deepest class in its format tree.
 */
public interface ImageFormat {

    /** Name as dials.import prints it (e.g. "FormatCBFMiniPilatus", "FormatNXmx"). */
    String name();

    /** Higher wins when several formats understand a file (specialised beamline formats over generic ones). */
    default int priority() { return 0; }

    /** True when this format reads the file; must look only at its first bytes / metadata, quickly. */
    boolean understands(Path file);

    /**
     * The models of one file. For single-image formats (CBF, SMV) the scan covers that image;
     * for container formats (NeXus) it covers every frame in the file.
     */
    FormatMetadata readMetadata(Path file);

    /**
     * Opens files of this format as one image source: a sequence of single-image files in order,
     * or one container file (then {@code files} has one element and frames are 0..n-1).
     */
    ImageSource open(List<Path> files);
}
