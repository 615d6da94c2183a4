package org.xtalkit.io.image;

import org.xtalkit.model.Beam;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.Scan;

/**
 * What a format reads from one file's header: the models dials.import would build from it.
 *
 * @param formatName  the format (dxtbx class name where there is one)
 * @param beam        the beam
 * @param detector    the detector
 * @param goniometer  the goniometer, or null for stills without one
 * @param scan        the scan of the frames in this file (image numbers as the file names/metadata give them), or null
 * @param still       true when the images are stills (zero oscillation, grid scans)
 * @param frames      number of frames in the file (1 for single-image formats)
 */
public record FormatMetadata(String formatName, Beam beam, Detector detector, Goniometer goniometer,
                             Scan scan, boolean still, int frames) {}
