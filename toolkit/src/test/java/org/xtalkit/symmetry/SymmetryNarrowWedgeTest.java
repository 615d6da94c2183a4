package org.xtalkit.symmetry;

import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.Symmetry;
import org.xtalkit.step.params.ParamValues;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A 21-reflection wedge of L-cysteine (P 21 21 21): no symmetry-related pairs at all. DIALS 3.12
 * then scores every element 0 with N = 0, cannot estimate sd(CC), gives each of the five
 * candidates of P m m m probability 0.2, keeps P m m m and recommends P 2 2 2.
 */
class SymmetryNarrowWedgeTest {
    @Test
    void tooLittleDataGivesDialsUninformativeAnswer() {
        var dir = "l_cysteine_narrow_wedge/";
        Symmetry.Result r = Symmetry.run(ExptFile.read(SharedData.data(dir + "11_integrated.expt")),
                ReflReader.read(SharedData.data(dir + "11_integrated.refl")), ParamValues.parse("symmetry", Symmetry.PARAMETERS), Progress.NONE);
        assertEquals("P m m m", r.lattice().candidates().get(0).patterson());
        assertEquals(0, r.laue().ccSigFac());
        assertEquals(4, r.laue().elements().size());
        for (ElementScore e : r.laue().elements()) assertEquals(0, e.n());
        assertEquals(5, r.laue().subgroups().size());
        for (SubgroupScore s : r.laue().subgroups()) assertEquals(0.2, s.likelihood(), 1e-12);
        assertEquals("P m m m", r.laue().best().candidate().patterson());
        assertEquals("P 2 2 2", r.spaceGroup().xhm());
    }
}
