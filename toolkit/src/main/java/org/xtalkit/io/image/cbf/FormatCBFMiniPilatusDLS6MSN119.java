package org.xtalkit.io.image.cbf;

import org.xtalkit.math.Vec3;
import org.xtalkit.model.Goniometer;

/**
 * The Pilatus 6M S/N 60-0119 on Diamond I24 (from 2015): its goniometer turns about the vertical
 * (+y), or about -x in plate mode (Oscillation_axis with FAST).
 */
public class FormatCBFMiniPilatusDLS6MSN119 extends FormatCBFMiniPilatus {

    @Override public String name() { return "FormatCBFMiniPilatusDLS6MSN119"; }
    @Override public int priority() { return 3; }

    @Override
    protected boolean accepts(String header) {
        return super.accepts(header) && year(header) >= 2015 && isPilatusSerial(header, "S/N 60-0119");
    }

    /** The year of the header's date line ("# 2019-09-11T13:20:28.989"), or 0. */
    static int year(String header) {
        for (String record : header.split("\r?\n")) {
            if (record.contains("# 20")) {
                String[] t = record.replace("-", " ").replace("/", " ").trim().split("\\s+");
                try {
                    return Integer.parseInt(t[1]);
                } catch (RuntimeException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    @Override
    protected Goniometer goniometer(MiniCbfHeader h) {
        String axis = h.values().getOrDefault("Oscillation_axis", "");
        if (axis.contains("+FAST") || axis.contains("-FAST")) return Goniometer.singleAxis(new Vec3(-1, 0, 0));
        return Goniometer.singleAxis(new Vec3(0, 1, 0));
    }
}
