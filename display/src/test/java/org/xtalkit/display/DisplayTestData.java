package org.xtalkit.display;

import java.util.List;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;

/** A Pilatus 6M at 190 mm with the beam near its centre, cubic insulin. */
final class DisplayTestData {
    private DisplayTestData() {}

    static final double DISTANCE = 190.0;

    static Panel pilatus6M() {
        // origin puts the direct beam at pixel (1231.5, 1263.5): 211.818 mm, 217.322 mm from the corner
        return new Panel("Panel", "SENSOR_PAD", new Vec3(1, 0, 0), new Vec3(0, -1, 0),
                new Vec3(-1231.5 * 0.172, 1263.5 * 0.172, -DISTANCE), new int[] {0, 0}, 2463, 2527, 0.172, 0.172,
                -1, 1_000_000, 0.32, "Si", 3.96, "", List.of(), 1, 0, true, null);
    }

    static Experiment insulin() {
        double a = 78.1;
        Crystal xtal = new Crystal(new Vec3(a, 0, 0), new Vec3(0, a, 0), new Vec3(0, 0, a), " I 2b 2c 3");
        return new Experiment("insulin-0", Beam.simple(0.9795), new Detector(List.of(pilatus6M())),
                Goniometer.singleAxis(new Vec3(1, 0, 0)), new Scan(1, 450, 0, 0, 0.2, new double[] {0.04}, new double[0]),
                xtal, null, null, null);
    }

    static ExperimentList experiments() { return ExperimentList.of(insulin()); }
}
