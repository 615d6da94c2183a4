package org.xtalkit.refine;

import org.xtalkit.math.Mat3;

/**
 * U and B of a crystal as refinement sees them at one reflection: static (the same everywhere) or
 * scan-varying (smoothed through the scan). {@link #at(double)} moves to a reflection's frame; the
 * derivatives then are those of that reflection, for each value of the parameterisation.
 */
public interface CrystalModel {
    /** Move to the frame (image coordinate z) of the next reflection. */
    void at(double frame);

    Mat3 U();
    Mat3 B();

    /** dU / d value i of the orientation parameterisation, or null if value i does not move U. */
    Mat3 dU(int i);

    /** dB / d value i of the cell parameterisation, or null. */
    Mat3 dB(int i);

    ModelParameterisation orientation();
    ModelParameterisation cell();
}
