package org.xtalkit.io.image.cbf;

import org.xtalkit.math.Vec3;
import org.xtalkit.model.Goniometer;

import java.util.List;

/** The Pilatus 6M S/N 60-0100 on Diamond I02/I04-1: a mini-kappa (phi, kappa, omega; omega scans). */
public class FormatCBFMiniPilatusDLS6MSN100 extends FormatCBFMiniPilatus {

    /** The mini-kappa's kappa axis at omega = 0, as dxtbx gives it. */
    static final Vec3 MINI_KAPPA = new Vec3(0.914, 0.279, -0.297);

    @Override public String name() { return "FormatCBFMiniPilatusDLS6MSN100"; }
    @Override public int priority() { return 3; }

    @Override
    protected boolean accepts(String header) {
        return super.accepts(header) && isPilatusSerial(header, "S/N 60-0100 Diamond");
    }

    @Override
    protected Goniometer goniometer(MiniCbfHeader h) {
        return Goniometer.multiAxis(List.of(new Vec3(1, 0, 0), MINI_KAPPA, new Vec3(1, 0, 0)),
                new double[] {h.number("Phi", 0), h.number("Kappa", 0), h.number("Omega", 0)},
                List.of("GON_PHI", "GON_KAPPA", "GON_OMEGA"), 2);
    }
}
