package org.xtalkit.spots;

import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;

import java.io.IOException;

/**
 * find_spots on the 19 bzip2-compressed stills of the thaumatin grid scan against DIALS 3.12
 * (each still its own experiment, spots found per image), with the checks of {@link StrongParityTest}.
 * A class of its own: decompressing 118 MB of bzip2 takes most of its time.
 */
class ThaumatinGridParityTest {
    @Test
    void matchesDials() throws IOException {
        StrongParityTest.check(SharedData.reference("thaumatin_grid.imported.expt"),
                SharedData.reference("thaumatin_grid.strong.csv"));
    }
}
