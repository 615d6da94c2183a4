package org.xtalkit.io.image.cbf;

import org.xtalkit.math.Vec3;
import org.xtalkit.model.Goniometer;

/** The Pilatus 6M S/N 60-0114 on Diamond I24 (from 2017): the goniometer turns about the vertical +y. */
public class FormatCBFMiniPilatusDLS6MSN114 extends FormatCBFMiniPilatus {

    @Override public String name() { return "FormatCBFMiniPilatusDLS6MSN114"; }
    @Override public int priority() { return 3; }

    @Override
    protected boolean accepts(String header) {
        return super.accepts(header) && FormatCBFMiniPilatusDLS6MSN119.year(header) >= 2017
                && isPilatusSerial(header, "S/N 60-0114");
    }

    @Override
    protected Goniometer goniometer(MiniCbfHeader h) { return Goniometer.singleAxis(new Vec3(0, 1, 0)); }
}
