package org.xtalkit.step;

import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;
import org.xtalkit.model.ExperimentList;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Several files in one import (issue 11): one experiment per sweep, equal models shared, globs expanded. */
class ImportSweepsTest {
    @Test
    void twoContainerFilesAreTwoSweepsSharingBeamAndDetector() {
        // the same simulated sweep written as a Dectris master with data files and as a DLS virtual-dataset file
        ExperimentList e = Import.run(Import.Params.defaults(), List.of(
                SharedData.data("nexus/eiger_master/sim_master.h5").toString(), SharedData.data("nexus/dls_vds/sim.nxs").toString()));
        assertEquals(2, e.size());
        assertSame(e.get(0).beam(), e.get(1).beam(), "one beam model");
        assertSame(e.get(0).detector(), e.get(1).detector(), "one detector model");
        assertNotEquals(e.get(0).imageSet().template(), e.get(1).imageSet().template());
        for (int k = 0; k < 2; k++) {
            assertEquals(40, e.get(k).scan().numImages());
            assertEquals(0.5, e.get(k).scan().oscillationWidth(), 1e-9);
        }
    }

    @Test
    void aGlobNamesTheFilesOfOneSweep() {
        ExperimentList e = Import.run(Import.Params.defaults(), List.of(SharedData.data("nexus/cbf").resolve("insulin_sim_000?.cbf").toString()));
        assertEquals(1, e.size(), "consecutive images of one template are one sweep");
        assertEquals(5, e.get(0).scan().numImages());
    }
}
