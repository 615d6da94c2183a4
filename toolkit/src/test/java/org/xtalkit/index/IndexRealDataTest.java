package org.xtalkit.index;

import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.lattice.NiggliReduction;
import org.xtalkit.lattice.SpaceGroups;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.UnitCell;
import org.xtalkit.progress.Progress;
import org.xtalkit.table.ReflectionTable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The real spot lists of ../shared/data index as DIALS 3.12 did (reference/INDEXING.md). */
class IndexRealDataTest {

    static final Progress LOG = new Progress() {
        @Override public void update(String stage, long done, long total) {}
        @Override public void log(String line) { if (Boolean.getBoolean("xtalkit.verbose")) System.err.println(line); }
    };

    /** Same reduced cell: lengths within 0.3 %, angles within 0.3° (θ and 180° − θ are the same Niggli angle choice). */
    static void assertSameReducedCell(UnitCell expected, UnitCell actual) {
        UnitCell e = NiggliReduction.reduce(expected).cell(), a = NiggliReduction.reduce(actual).cell();
        double[] x = e.toArray(), y = a.toArray();
        for (int i = 0; i < 3; i++) assertEquals(x[i], y[i], 0.003 * x[i], "length " + i + " of " + a + " vs " + e);
        for (int i = 3; i < 6; i++) assertEquals(fold(x[i]), fold(y[i]), 0.3, "angle " + i + " of " + a + " vs " + e);
    }

    private static double fold(double t) { return Math.min(t, 180 - t); }

    static Indexer.Result index(String expt, String refl, IndexParams p) {
        ExperimentList el = ExptFile.read(SharedData.data(expt));
        ReflectionTable t = ReflReader.read(SharedData.data(refl));
        return Indexer.run(el, t, p, LOG);
    }

    @Test
    void quartzDefaults() {
        Indexer.Result r = index("quartz_processed/imported.expt", "quartz_processed/strong.refl", IndexParams.defaults());
        assertSameReducedCell(new UnitCell(4.92824, 4.93489, 5.40562, 89.9624, 89.8488, 59.9932), r.experiments().get(0).crystal().unitCell());
        assertTrue(100 * r.fractionIndexed() >= 87.9 - 2, "% indexed " + 100 * r.fractionIndexed());
    }

    @Test
    void myd88AfterFindRotationAxis() {
        // dials.find_rotation_axis moves the axis to (-0.627963,-0.778243,0); DIALS then indexes with detector.fix=distance
        ExperimentList el = ExptFile.read(SharedData.data("MyD88_processed/imported.expt"));
        el = el.map(e -> e.withGoniometer(Goniometer.singleAxis(new Vec3(-0.627963, -0.778243, 0))));
        ReflectionTable t = ReflReader.read(SharedData.data("MyD88_processed/strong.refl"));
        IndexParams p = IndexParams.defaults().withDetectorFixList(List.of("Dist"));
        Indexer.Result r = Indexer.run(el, t, p, LOG);
        assertSameReducedCell(new UnitCell(37.069, 61.63, 64.40, 72.88, 89.234, 73.439), r.experiments().get(0).crystal().unitCell());
        assertTrue(100 * r.fractionIndexed() >= 88.8 - 2, "% indexed " + 100 * r.fractionIndexed());
    }

    @Test
    void centroidTestDataDefaults() {
        Indexer.Result r = index("centroid_test_data/imported_experiments.json", "centroid_test_data/indexed.refl", IndexParams.defaults());
        assertSameReducedCell(new UnitCell(39.873, 42.43, 42.68, 89.70, 89.98, 89.959), r.experiments().get(0).crystal().unitCell());
        assertTrue(100 * r.fractionIndexed() >= 87.0 - 2, "% indexed " + 100 * r.fractionIndexed());
    }

    @Test
    void centroidTestDataKnownSymmetryP422() {
        IndexParams p = IndexParams.defaults().withSymmetry(null, SpaceGroups.lookup("P422"));
        Indexer.Result r = index("centroid_test_data/imported_experiments.json", "centroid_test_data/indexed.refl", p);
        UnitCell c = r.experiments().get(0).crystal().unitCell();
        assertEquals(42.192, c.a(), 0.003 * 42.192);
        assertEquals(42.192, c.b(), 0.003 * 42.192);
        assertEquals(39.680, c.c(), 0.003 * 39.68);
        assertEquals(90, c.gamma(), 1e-6);
        assertEquals("P 4 2", r.experiments().get(0).crystal().spaceGroupHall().trim());
        assertTrue(100 * r.fractionIndexed() >= 87.0 - 2, "% indexed " + 100 * r.fractionIndexed());
    }
}
