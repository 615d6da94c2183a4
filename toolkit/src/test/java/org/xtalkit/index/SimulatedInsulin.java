package org.xtalkit.index;

import org.xtalkit.model.Detector;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.simulate.I04Eiger16M;
import org.xtalkit.simulate.Simulate;
import org.xtalkit.simulate.SimulationParams;
import org.xtalkit.step.FindSpots;
import org.xtalkit.step.Import;
import org.xtalkit.step.process.DemoData;
import org.xtalkit.table.ReflectionTable;

import java.nio.file.Path;
import java.util.List;

/**
 * Simulated cubic insulin through real images, as a user meets it: the simulator's sweep written
 * as miniCBF (once, under target/, shared by every test class that asks for the same sweep),
 * imported and searched for strong spots. Built once per test JVM.
 */
public final class SimulatedInsulin {
    /**
     * Binning 2 (150 µm pixels), 100 images of 0.1° (10°), the simulator's defaults otherwise: the
     * words and folder of spots.SimulatedInsulinSpotsTest, so the module simulates these images once.
     */
    public static final String WORDS = "nimages=100 binning=2 seed=42 anomalous=0";

    private static SimulatedInsulin instance;

    final SimulationParams params;
    public final ExperimentList imported;
    public final ReflectionTable strong;
    /** The detector the images were made with (the true beam centre). */
    final Detector trueDetector;

    private SimulatedInsulin(Progress log) {
        params = SimulationParams.parse(WORDS.split(" "));
        Path dir = Path.of("target", "insulin-" + WORDS.replace(' ', '_').replace('=', '-')).toAbsolutePath();
        int nproc = Runtime.getRuntime().availableProcessors();
        long t0 = System.nanoTime();
        String template = DemoData.write(params, WORDS, dir, nproc, log);
        long t1 = System.nanoTime();
        imported = Import.run(Import.Params.defaults(), List.of(template), log);
        strong = FindSpots.run(imported, FindSpots.Params.defaults().withNproc(nproc), Path.of("").toAbsolutePath(), log).reflections();
        log.log(String.format(java.util.Locale.ROOT, "simulated insulin: images %.1f s, import + find_spots %.1f s, %d strong spots",
                (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9, strong.size()));
        trueDetector = I04Eiger16M.detector(params.binning());
    }

    public static synchronized SimulatedInsulin get() {
        if (instance == null) instance = new SimulatedInsulin(IndexRealDataTest.LOG);
        return instance;
    }

    /**
     * The imported experiments with the header beam centre the simulator writes for
     * beam_centre_offset=dx,dy (binned pixels): the same images, a wrong centre.
     */
    ExperimentList withBeamCentreOffset(double dxPx, double dyPx) {
        SimulationParams shifted = SimulationParams.parse((WORDS + " beam_centre_offset=" + dxPx + "," + dyPx).split(" "));
        var header = Simulate.headerDetector(shifted);
        return imported.map(e -> e.withDetector(header));
    }
}
