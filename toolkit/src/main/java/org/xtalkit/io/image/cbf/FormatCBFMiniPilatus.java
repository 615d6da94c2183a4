package org.xtalkit.io.image.cbf;

import org.xtalkit.io.image.ModuleGaps;
import org.xtalkit.model.Detector;

/** miniCBF from Pilatus detectors: the generic models plus the module gaps as untrusted rectangles. */
public class FormatCBFMiniPilatus extends FormatCBFMini {

    @Override public String name() { return "FormatCBFMiniPilatus"; }
    @Override public int priority() { return 2; }

    @Override
    protected boolean accepts(String header) {
        if (!super.accepts(header)) return false;
        for (String record : header.split("\r?\n")) {
            if (record.contains("# Detector")) {
                String u = record.toUpperCase();
                if (u.contains("EIGER") || u.contains("TIMEPIX")) return false;
            }
        }
        for (String record : header.split("\r?\n")) {
            if (record.contains("_array_data.header_convention")
                    && (record.contains("PILATUS") || record.contains("SLS") || record.contains("?")))
                return true;
            if (record.contains("# Detector") && record.contains("PILATUS")) return true;
        }
        return false;
    }

    @Override
    protected Detector detector(MiniCbfHeader h) {
        int nx = (int) h.number("X-Binary-Size-Fastest-Dimension");
        int ny = (int) h.number("X-Binary-Size-Second-Dimension");
        return simpleDetector(h, "", ModuleGaps.pilatus(nx, ny), h.number("Count_cutoff"));
    }

    /** True when a '# Detector' line names a Pilatus and the header holds the serial number. */
    static boolean isPilatusSerial(String header, String serial) {
        for (String record : header.split("\r?\n"))
            if (record.contains("# Detector") && record.contains("PILATUS") && header.contains(serial)) return true;
        return false;
    }
}
