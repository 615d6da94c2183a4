package org.xtalkit.refine;

import org.xtalkit.math.Mat3;

/** A scan-static crystal: one orientation and one cell for the whole sweep. */
public record StaticCrystal(CrystalOrientationParameterisation orientation, UnitCellParameterisation cell)
        implements CrystalModel {
    @Override public void at(double frame) { }
    @Override public Mat3 U() { return orientation.U(); }
    @Override public Mat3 B() { return cell.B(); }
    @Override public Mat3 dU(int i) { return orientation.dU(i); }
    @Override public Mat3 dB(int i) { return cell.dB(i); }
}
