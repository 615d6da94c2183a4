package org.xtalkit.step;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtalkit.SharedData;
import org.xtalkit.XtalException;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.io.refl.ReflWriter;
import org.xtalkit.merge.ScaledInput;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.UnitCell;
import org.xtalkit.progress.Progress;
import org.xtalkit.spacegroup.ChangeOfBasis;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.table.ReflectionTable;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several sweeps in one symmetry run (for #11): one Laue group for all, every sweep reindexed to
 * the same setting. The four L-cysteine sweeps (P 2 2 2 in the files) give P m m m and, from their
 * screw-axis absences together, P 21 21 21, L-cysteine's true group. dials.symmetry 3.12 on the same
 * three files: P m m m with probability 0.988 and confidence 0.986, P 21 21 21, 20743 reflections
 * written (it keeps a row per sweep and index in the analysis, 9323 to 0.61 Å; we combine the sweeps'
 * normalised intensities per index, 7035).
 */
class SymmetryMultiSweepTest {
    private static final Path D = SharedData.data("l_cysteine_4_sweeps_scaled");

    private static Symmetry.Result run(ScaledInput in) {
        return Symmetry.run(in.experiments(), in.reflections(), ParamValues.parse("symmetry", Symmetry.PARAMETERS), Progress.NONE);
    }

    @Test
    void fourSweepsOneLaueGroup() {
        ScaledInput in = ScaledInput.read(List.of(D.resolve("scaled_20_25.expt"), D.resolve("scaled_30.expt"), D.resolve("scaled_35.expt")),
                List.of(D.resolve("scaled_20_25.refl"), D.resolve("scaled_30.refl"), D.resolve("scaled_35.refl")));
        Symmetry.Result r = run(in);
        assertEquals("P m m m", r.laue().best().candidate().patterson());
        assertEquals(0.988, r.laue().best().likelihood(), 0.02);
        assertEquals(0.986, r.laue().best().confidence(), 0.02);
        assertEquals("P 21 21 21", r.spaceGroup().xhm());
        assertEquals(4, r.experiments().size());
        for (Experiment e : r.experiments()) assertEquals(r.spaceGroup().hall(), e.crystal().spaceGroupHall());
        assertEquals(20743, r.reflections().size());
    }

    @Test
    void sweepIndexedInAnotherSettingIsBroughtToTheSameOne(@TempDir Path dir) {
        // sweep 30 as measured, and the same sweep indexed with a and b swapped and c reversed
        ExperimentList e = ExptFile.read(D.resolve("scaled_30.expt"));
        ReflectionTable t = ReflReader.read(D.resolve("scaled_30.refl"));
        ChangeOfBasis swap = ChangeOfBasis.parse("b,a,-c");
        ExperimentList e2 = Symmetry.reindex(e, swap);
        ReflectionTable t2 = t.copy();
        int[] mi = t2.miller("miller_index");
        swap.applyToMiller(mi);
        ExptFile.write(e2, dir.resolve("swapped.expt"));
        ReflWriter.write(t2, dir.resolve("swapped.refl"));
        UnitCell c2 = e2.get(0).crystal().unitCell();
        assertEquals(8.2158, c2.a(), 1e-3);  // the second sweep's cell is not similar to the first's as given
        ScaledInput in = ScaledInput.read(List.of(D.resolve("scaled_30.expt"), dir.resolve("swapped.expt")),
                List.of(D.resolve("scaled_30.refl"), dir.resolve("swapped.refl")));
        Symmetry.Result r = run(in);
        assertEquals("P m m m", r.laue().best().candidate().patterson());
        UnitCell a = r.experiments().get(0).crystal().unitCell(), b = r.experiments().get(1).crystal().unitCell();
        assertEquals(a.a(), b.a(), 1e-4);
        assertEquals(a.b(), b.b(), 1e-4);
        assertEquals(a.c(), b.c(), 1e-4);
        // the same observation carries equivalent indices in both copies (P m m m: equal up to signs)
        int[] id = r.reflections().ints("id"), h = r.reflections().miller("miller_index");
        int n = t.size();
        for (int q = 0; q < n; q += 37) {
            assertEquals(0, id[q]);
            assertEquals(1, id[n + q]);
            assertEquals(Math.abs(h[3 * q]), Math.abs(h[3 * (n + q)]));
            assertEquals(Math.abs(h[3 * q + 1]), Math.abs(h[3 * (n + q) + 1]));
            assertEquals(Math.abs(h[3 * q + 2]), Math.abs(h[3 * (n + q) + 2]));
        }
    }

    @Test
    void differentCrystalFormsAreRefused() {
        Path q = SharedData.data("quartz_processed");
        ScaledInput in = ScaledInput.read(List.of(D.resolve("scaled_30.expt"), q.resolve("integrated.expt")),
                List.of(D.resolve("scaled_30.refl"), q.resolve("integrated.refl")));
        XtalException e = assertThrows(XtalException.class, () -> run(in));
        assertTrue(e.getMessage().contains("not similar to the median cell"), e.getMessage());
    }
}
