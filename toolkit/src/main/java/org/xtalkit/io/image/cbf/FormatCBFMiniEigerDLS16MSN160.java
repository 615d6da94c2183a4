package org.xtalkit.io.image.cbf;

import org.xtalkit.math.Vec3;
import org.xtalkit.model.Goniometer;

import java.util.List;

/** The Eiger 16M S/N 160-0001 on Diamond I04: a SmarGon goniometer (phi, chi, omega; omega scans). */
public class FormatCBFMiniEigerDLS16MSN160 extends FormatCBFMiniEiger {

    @Override public String name() { return "FormatCBFMiniEigerDLS16MSN160"; }
    @Override public int priority() { return 3; }

    @Override
    protected boolean accepts(String header) {
        if (!super.accepts(header)) return false;
        for (String record : header.split("\r?\n")) {
            String l = record.toLowerCase();
            if (l.contains("# detector") && l.contains("eiger") && header.contains("S/N 160-0001")) return true;
        }
        return false;
    }

    @Override
    protected Goniometer goniometer(MiniCbfHeader h) {
        return smargon(h.number("Phi", 0), h.number("Chi", 0), h.number("Omega", 0));
    }

    /** The SmarGon as dxtbx models it: phi and omega along +x, chi along -z, omega the scan axis. */
    static Goniometer smargon(double phi, double chi, double omega) {
        return Goniometer.multiAxis(List.of(new Vec3(1, 0, 0), new Vec3(0, 0, -1), new Vec3(1, 0, 0)),
                new double[] {phi, chi, omega}, List.of("GON_PHI", "GON_CHI", "GON_OMEGA"), 2);
    }
}
