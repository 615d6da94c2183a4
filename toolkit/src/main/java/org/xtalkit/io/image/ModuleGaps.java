package org.xtalkit.io.image;

import java.util.ArrayList;
import java.util.List;

/**
 * The dead rows and columns between the modules of Dectris Pilatus and Eiger detectors, as the
 * untrusted rectangles dxtbx adds to their panels (FormatPilatusHelpers): (x0, y0, x1, y1),
 * half-open pixel bounds. Edges are not masked, only the gaps between modules.
 */
public final class ModuleGaps {
    private ModuleGaps() {}

    /** Module size and gap of one detector family, and the module counts along fast it is built with. */
    private record Family(int moduleFast, int moduleSlow, int gapFast, int gapSlow, int[] modulesAlongFast) {
        boolean hasWidth(int width) {
            for (int j : modulesAlongFast) if (moduleFast * j + gapFast * (j - 1) == width) return true;
            return false;
        }
    }

    private static final Family PILATUS = new Family(487, 195, 7, 17, new int[] {1, 3, 5});
    private static final Family EIGER_X = new Family(1030, 514, 10, 37, new int[] {1, 2, 3, 4});
    private static final Family EIGER_2X = new Family(1028, 512, 12, 38, new int[] {1, 2, 3, 4});

    /** Gaps of a Pilatus image of this size; empty when the size is not a whole number of modules. */
    public static List<int[]> pilatus(int fast, int slow) { return gaps(PILATUS, fast, slow); }

    /** Gaps of an Eiger (X or 2X, recognised by the width as dxtbx does) image of this size. */
    public static List<int[]> eiger(int fast, int slow) {
        for (Family f : new Family[] {PILATUS, EIGER_X, EIGER_2X})
            if (f.hasWidth(fast)) return gaps(f, fast, slow);
        return List.of();
    }

    private static List<int[]> gaps(Family d, int fast, int slow) {
        int nFast = fast / d.moduleFast, nSlow = slow / d.moduleSlow;
        if ((nFast - 1) * d.gapFast != fast % d.moduleFast || (nSlow - 1) * d.gapSlow != slow % d.moduleSlow)
            return List.of();
        List<int[]> mask = new ArrayList<>();
        for (int i = 1; i < nFast; i++) {
            int x0 = i * d.moduleFast + (i - 1) * d.gapFast;
            mask.add(new int[] {x0, 0, x0 + d.gapFast, slow});
        }
        for (int j = 1; j < nSlow; j++) {
            int y0 = j * d.moduleSlow + (j - 1) * d.gapSlow;
            mask.add(new int[] {0, y0, fast, y0 + d.gapSlow});
        }
        return mask;
    }
}
