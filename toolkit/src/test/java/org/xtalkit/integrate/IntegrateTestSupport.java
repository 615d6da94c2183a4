package org.xtalkit.integrate;

import org.xtalkit.model.Experiment;
import org.xtalkit.simulate.Simulation;
import org.xtalkit.table.ReflectionTable;

import java.util.Arrays;

/** Test fixtures of the integrate package for tests elsewhere (the steps). */
public final class IntegrateTestSupport {
    private IntegrateTestSupport() {}

    /** The indexed strong spots of a simulated sweep as experiment {@code id} of a refined.refl. */
    public static ReflectionTable strong(Simulation sim, Experiment e, int id) {
        ReflectionTable t = StrongSpots.assigned(sim, e);
        Arrays.fill(t.has("id") ? t.ints("id") : t.newInts("id"), id);
        t.clearIdentifiers();
        t.setIdentifier(id, e.identifier());
        return t;
    }
}
