package org.xtalkit.io.image.cbf;

import org.xtalkit.io.image.Attenuation;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Detector;
import org.xtalkit.model.DetectorGroup;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.Panel;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The semi-cylindrical Pilatus 12M (S/N 120-0100) of Diamond I23, modelled as dxtbx does: 24 flat
 * rows of 2463 × 195 pixels on a cylinder of radius 250 mm about the x axis, each row 7.903° high
 * with 0.441° between rows, read from one 2463 × 5071 image; a kappa goniometer (alpha 50°).
 * The geometry comes from the detector blueprints (dxtbx FormatCBFMiniPilatusDLS12M), not the header.
 */
public class FormatCBFMiniPilatusDLS12M extends FormatCBFMiniPilatus {

    private static final int ROWS = 24, ROW_PIXELS = 195, ROW_PITCH = 195 + 17, WIDTH = 2463;
    private static final int MODULE_FAST = 487, MODULE_GAP = 7, CHIP_FAST = 60, CHIP_SLOW = 97;
    private static final double RADIUS = 250.0, OFF_X = 184.9, ROW_SHIFT = 16.8, PIXEL = 0.172;

    @Override public String name() { return "FormatCBFMiniPilatusDLS12M"; }
    @Override public int priority() { return 3; }

    @Override
    protected boolean accepts(String header) {
        return super.accepts(header) && isPilatusSerial(header, "S/N 120-0100");
    }

    @Override
    protected Detector detector(MiniCbfHeader h) {
        double[] beam = h.pair("Beam_xy");
        // the header's beam centre moves the whole cylinder relative to its ideal (1075, 2594)
        double shiftX = PIXEL * (1075 - beam[0]), shiftY = PIXEL * (2594 - beam[1]);
        double distance = h.number("Detector_distance") * 1000.0;
        String[] sensor = h.get("Silicon").trim().split("\\s+");
        double thickness = Double.parseDouble(sensor[2]) * 1000.0;
        double mu = Attenuation.muPerMm("Si", h.number("Wavelength"));
        List<List<int[]>> masks = badModules(h.timestamp());

        Vec3 x = new Vec3(-1, 0, 0), y = new Vec3(0, 1, 0), z = new Vec3(0, 0, 1);
        List<Panel> panels = new ArrayList<>();
        List<DetectorGroup> leaves = new ArrayList<>();
        for (int j = 0; j < ROWS; j++) {
            double angle = Math.toRadians(-12.2 + 0.5 * 7.903 + j * (7.903 + 0.441));
            Vec3 fast = new Vec3(1, 0, 0), slow = new Vec3(0, Math.sin(angle), Math.cos(angle));
            Vec3 normal = fast.cross(slow);
            Vec3 origin = normal.times(RADIUS).minus(fast.times(OFF_X)).minus(slow.times(ROW_SHIFT));
            panels.add(new Panel(String.format("row-%02d", j), "SENSOR_PAD", fast, slow, origin,
                    new int[] {0, j * ROW_PITCH}, WIDTH, ROW_PIXELS, PIXEL, PIXEL, -1, 1000000, thickness, "Si", mu,
                    "", masks.get(j), 1.0, 0.0, true, new int[] {1, 0, 0, 1, -j * ROW_PITCH, 0}));
            leaves.add(DetectorGroup.leaf(j));
        }
        Vec3 rootOrigin = z.times(-distance).plus(x.times(shiftX)).plus(y.times(shiftY));
        // row frames are local to the root, which turns them to face the beam (fast along -x)
        return Detector.fromLocalFrames(panels, new DetectorGroup("", "", x, y, rootOrigin, -1, leaves));
    }

    /** Modules known dead in each run (dxtbx's list, by the image date), as rectangles per row. */
    private static List<List<int[]>> badModules(double timestamp) {
        List<List<int[]>> m = new ArrayList<>();
        for (int j = 0; j < ROWS; j++) m.add(new ArrayList<>());
        if (timestamp > utc(2022, 7, 1)) return m;
        if (timestamp > utc(2022, 1, 24)) { module(m, 10, 3); return m; }
        if (timestamp > utc(2020, 9, 8)) return m;
        if (timestamp > utc(2020, 2, 21)) {
            module(m, 1, 4);
            module(m, 17, 0);
            module(m, 17, 4);
            int x0 = (MODULE_FAST + MODULE_GAP) * 4 + CHIP_FAST;
            m.get(15).add(new int[] {x0, 0, x0 + CHIP_FAST, CHIP_SLOW});
            return m;
        }
        if (timestamp > utc(2019, 11, 26)) { module(m, 17, 0); module(m, 17, 4); return m; }
        if (timestamp > utc(2019, 9, 3)) { module(m, 15, 2); module(m, 17, 0); }
        return m;
    }

    private static void module(List<List<int[]>> m, int row, int column) {
        int x0 = (MODULE_FAST + MODULE_GAP) * column;
        m.get(row).add(new int[] {x0, 0, x0 + MODULE_FAST, ROW_PIXELS});
    }

    private static double utc(int y, int mo, int d) { return LocalDate.of(y, mo, d).atStartOfDay().toEpochSecond(ZoneOffset.UTC); }

    @Override
    protected Goniometer goniometer(MiniCbfHeader h) {
        // conventional rotation direction from 2016-04-01; before it phi turned the other way
        if (h.timestamp() < 1459468800) return Goniometer.singleAxis(new Vec3(-1, 0, 0));
        double alpha = Math.toRadians(50.0);
        Vec3 kappa = new Vec3(Math.cos(alpha), -Math.sin(alpha), 0.0);
        return Goniometer.multiAxis(List.of(new Vec3(1, 0, 0), kappa, new Vec3(1, 0, 0)),
                new double[] {h.number("Phi", 0), h.number("Kappa", 0), h.number("Omega", 0)},
                List.of("PHI", "KAPPA", "OMEGA"), 2);
    }
}
