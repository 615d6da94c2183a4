package org.xtalkit.symmetry;

/**
 * The score of one symmetry element of the lattice (a row of DIALS' "Scoring individual symmetry
 * elements" table).
 *
 * @param rotation   the rotation in the minimum basis (direct-lattice coordinates, row-major)
 * @param order      1, 2, 3, 4 or 6
 * @param axis       its axis direction in the minimum basis ((0,0,0) for the identity)
 * @param likelihood p(S; CC)
 * @param zcc        CC / σ(CC)
 * @param cc         the correlation of I(h) with I(h·R) (with I(−h) for the identity)
 * @param n          the number of pairs
 * @param pGivenS    p(CC; S)
 * @param pGivenNotS p(CC; !S)
 * @param sums       running sums of the pairs, so subgroups can add elements' CCs
 */
public record ElementScore(int[] rotation, int order, int[] axis, double likelihood, double zcc, double cc, long n,
                           double pGivenS, double pGivenNotS, CorrelationAccumulator sums) {

    /** cctbx's rotation info as DIALS prints it: "2 |(1, 0, 0)". */
    public String operator() {
        return order + " |(" + axis[0] + ", " + axis[1] + ", " + axis[2] + ")";
    }
}
