package org.xtalkit.symmetry;

/**
 * The score of one candidate Patterson group (a row of DIALS' "Scoring all possible sub-groups").
 *
 * @param candidate  the group, its name, best-cell change of basis and δ
 * @param likelihood its probability, normalised over all candidates
 * @param confidence [p_best·(p_best − p_next)]^½ against the next candidate (0 for the last)
 * @param zccNet     Zcc+ − Zcc−
 * @param zccFor     rms Z-CC of the elements in the group
 * @param zccAgainst rms Z-CC of the lattice's elements not in it
 * @param ccFor      the CC of all pairs of elements in the group
 * @param ccAgainst  the CC of all pairs of elements not in it
 */
public record SubgroupScore(LatticeSymmetry.Candidate candidate, double likelihood, double confidence, double zccNet,
                            double zccFor, double zccAgainst, double ccFor, double ccAgainst) {

    SubgroupScore withLikelihood(double l, double c) {
        return new SubgroupScore(candidate, l, c, zccNet, zccFor, zccAgainst, ccFor, ccAgainst);
    }
}
