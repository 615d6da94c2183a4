package org.xtalkit.symmetry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xtalkit.integrate.Integrator;
import org.xtalkit.integrate.ProfileModel;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.progress.Progress;
import org.xtalkit.simulate.Simulate;
import org.xtalkit.simulate.Simulation;
import org.xtalkit.simulate.SimulationParams;
import org.xtalkit.step.Symmetry;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.table.ReflectionTable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Simulated cubic insulin (I 21 3) integrated (summation) with the true models: the symmetry analysis must
 * find the lattice I m -3 m, the twofolds and threefolds present and no fourfold, the Laue group
 * I m -3, and a space group of the I 2 3 / I 21 3 family, with the output in the cubic cell.
 */
class SymmetryInsulinTest {
    static Symmetry.Result result;

    @BeforeAll
    static void run() {
        Simulation sim = Simulate.insulin(SimulationParams.parse("nimages=60", "binning=4"));
        Experiment truth = sim.truth().experiments().get(0);
        ReflectionTable t = Integrator.integrate(truth, 0, sim.images(), ProfileModel.fromJson(truth.profileJson()), null,
                new Integrator.Options(2.2, null, 2), Progress.NONE);
        result = Symmetry.run(ExperimentList.of(truth), t, ParamValues.parse("symmetry", Symmetry.PARAMETERS), Progress.NONE);
    }

    @Test
    void twoAndThreeFoldsPresentNoFourFold() {
        assertEquals("I m -3 m", result.lattice().candidates().get(0).patterson());
        int threes = 0, twos = 0, fours = 0;
        for (ElementScore e : result.laue().elements()) {
            if (e.order() == 3) { threes++; assertTrue(e.likelihood() > 0.9, e.operator() + " " + e.likelihood()); }
            // absent as DIALS marks it: no star (likelihood ≤ 0.5), and no correlation to speak of
            if (e.order() == 4) { fours++; assertTrue(e.likelihood() < 0.5 && e.cc() < 0.3, e.operator() + " " + e.likelihood()); }
            // twofolds along the cube axes (those in m-3) with enough pairs to judge
            if (e.order() == 2 && e.n() >= 50 && result.laue().best().candidate().contains(e.rotation())) {
                twos++;
                assertTrue(e.likelihood() > 0.9, e.operator() + " " + e.likelihood());
            }
        }
        assertEquals(4, threes);
        assertEquals(3, fours);
        assertTrue(twos >= 1, "no cube-axis twofold with 50 pairs");
    }

    @Test
    void bestIsImMinus3AndSpaceGroupI23Family() {
        SubgroupScore best = result.laue().best();
        assertEquals("I m -3", best.candidate().patterson());
        assertTrue(best.likelihood() > 0.95, "p = " + best.likelihood());
        assertTrue(List.of("I 2 3", "I 21 3").contains(result.spaceGroup().xhm()), result.spaceGroup().xhm());
        // from the primitive minimum cell back to the input's body-centred cubic cell, indexing kept
        assertTrue(result.lattice().cbInpMin().then(best.candidate().cbMinBest()).isIdentity());
        var cell = result.experiments().get(0).crystal().unitCell();
        assertEquals(77.9, cell.a(), 0.01);
        assertEquals(90, cell.alpha(), 1e-6);
        assertEquals(90, cell.gamma(), 1e-6);
    }
}
