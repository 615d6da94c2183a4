package org.xtalkit.spots;

import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;

import java.io.IOException;

/**
 * find_spots on the 40-image simulated Eiger NeXus sweep (master file with external links,
 * bitshuffle-LZ4 chunks, pixel mask for the module gaps) against DIALS 3.12: spots joined in 3D
 * across images, with the checks of {@link StrongParityTest}.
 */
class NexusParityTest {
    @Test
    void matchesDials() throws IOException {
        StrongParityTest.check(SharedData.reference("nexus/eiger_master.imported.expt"),
                SharedData.reference("nexus/eiger_master.strong.csv"));
    }
}
