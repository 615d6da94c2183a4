package org.xtalkit.io.image.cbf;

import org.xtalkit.io.image.DetectorFactory;
import org.xtalkit.io.image.ModuleGaps;
import org.xtalkit.model.Detector;

/** miniCBF from Eiger detectors (or converted from Eiger HDF5): module gaps, the detector line as identifier. */
public class FormatCBFMiniEiger extends FormatCBFMini {

    @Override public String name() { return "FormatCBFMiniEiger"; }
    @Override public int priority() { return 2; }

    @Override
    protected boolean accepts(String header) {
        if (!super.accepts(header)) return false;
        for (String record : header.split("\r?\n")) {
            String l = record.toLowerCase();
            if (l.contains("# detector") && l.contains("eiger")) return true;
        }
        return false;
    }

    @Override
    protected DetectorFactory.Sensor sensor(MiniCbfHeader h) {
        DetectorFactory.Sensor s = super.sensor(h);
        return s.material() != null ? s : DetectorFactory.Sensor.pad("Si", 0.450);   // Eiger default sensor
    }

    @Override
    protected Detector detector(MiniCbfHeader h) {
        int nx = (int) h.number("X-Binary-Size-Fastest-Dimension");
        int ny = (int) h.number("X-Binary-Size-Second-Dimension");
        // converted data may lack Count_cutoff (dials#376)
        double overload = h.number("Count_cutoff", 100000000);
        String id = h.has("Detector") ? h.get("Detector") : "Unknown Eiger";
        return simpleDetector(h, id, ModuleGaps.eiger(nx, ny), overload);
    }
}
