package org.xtalkit.io.image.cbf;

import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Goniometer;

import java.util.List;

/**
 * miniCBFs of the Pilatus3 6M S/N 60-0126 on Diamond I03 (before full CBFs): an omega axis along +x
 * with the mini-kappa's phi and kappa settings folded into the fixed rotation F = R(kappa)·R(phi).
 */
public class FormatCBFMiniPilatusDLS6MSN126 extends FormatCBFMiniPilatus {

    @Override public String name() { return "FormatCBFMiniPilatusDLS6MSN126"; }
    @Override public int priority() { return 3; }

    @Override
    protected boolean accepts(String header) {
        return super.accepts(header) && isPilatusSerial(header, "S/N 60-0126");
    }

    @Override
    protected Goniometer goniometer(MiniCbfHeader h) {
        Mat3 phi = Mat3.rotation(new Vec3(1, 0, 0), Math.toRadians(h.number("Phi", 0)));
        Mat3 kappa = Mat3.rotation(FormatCBFMiniPilatusDLS6MSN100.MINI_KAPPA, Math.toRadians(h.number("Kappa", 0)));
        return new Goniometer(new Vec3(1, 0, 0), kappa.times(phi), Mat3.IDENTITY, List.of(), new double[0], List.of(), 0);
    }
}
