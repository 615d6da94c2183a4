package org.xtalkit.index;

import org.xtalkit.lattice.SpaceGroups;
import org.xtalkit.model.UnitCell;

import java.util.List;

/**
 * What dials.index takes (the keys users know, DIALS' defaults).
 *
 * @param method         indexing.method: fft3d, fft1d or real_space_grid_search
 * @param unitCell       known_symmetry.unit_cell or null
 * @param spaceGroup     known_symmetry.space_group or null
 * @param maxCell        max_cell (Å) or null for the nearest-neighbour estimate
 * @param nPoints        fft3d.reciprocal_space_grid.n_points
 * @param hklTolerance   index_assignment.simple.hkl_tolerance
 * @param localAssignment index_assignment.method=local
 * @param nMacroCycles   refinement_protocol.n_macro_cycles
 * @param maxLattices    max_lattices
 * @param maxRefine      basis_vector_combinations.max_refine
 * @param detectorFixList refinement.parameterisation.detector.fix_list words (Dist, Shift1, Tau1, ...)
 */
public record IndexParams(String method, UnitCell unitCell, SpaceGroups.Entry spaceGroup, Double maxCell, int nPoints,
                          double hklTolerance, boolean localAssignment, int nMacroCycles, int maxLattices, int maxRefine,
                          List<String> detectorFixList) {
    public static IndexParams defaults() {
        return new IndexParams("fft3d", null, null, null, 256, 0.3, false, 5, 1, 50, List.of());
    }

    public IndexParams withSymmetry(UnitCell cell, SpaceGroups.Entry sg) {
        return new IndexParams(method, cell, sg, maxCell, nPoints, hklTolerance, localAssignment, nMacroCycles, maxLattices, maxRefine, detectorFixList);
    }

    public IndexParams withMethod(String m) {
        return new IndexParams(m, unitCell, spaceGroup, maxCell, nPoints, hklTolerance, localAssignment, nMacroCycles, maxLattices, maxRefine, detectorFixList);
    }

    public IndexParams withDetectorFixList(List<String> fix) {
        return new IndexParams(method, unitCell, spaceGroup, maxCell, nPoints, hklTolerance, localAssignment, nMacroCycles, maxLattices, maxRefine, fix);
    }

    public IndexParams withLocal(boolean local) {
        return new IndexParams(method, unitCell, spaceGroup, maxCell, nPoints, hklTolerance, local, nMacroCycles, maxLattices, maxRefine, detectorFixList);
    }

    public IndexParams withMaxLattices(int n) {
        return new IndexParams(method, unitCell, spaceGroup, maxCell, nPoints, hklTolerance, localAssignment, nMacroCycles, n, maxRefine, detectorFixList);
    }
}
