package org.xtalkit.merge;

/**
 * One row of dials.merge's "Merging statistics by resolution bin" table (or its overall row),
 * plus the figures of the anomalous (I+ and I− apart) analysis of the same shell.
 *
 * @param dMax                 low-resolution limit, Å
 * @param dMin                 high-resolution limit, Å
 * @param nObs                 observations
 * @param nUniq                unique reflections (Friedel mates merged)
 * @param multiplicity         nObs / nUniq
 * @param completeness         fraction of the complete set (0-1)
 * @param meanI                ⟨I⟩ of merged intensities
 * @param meanIOverSigma       ⟨I/σ(I)⟩ of merged intensities
 * @param rMerge               Rmerge(I)
 * @param rMeas                Rmeas(I)
 * @param rPim                 Rpim(I)
 * @param rAnom                Σ|I+ − I−| / Σ⟨I±⟩ over Bijvoet pairs (NaN without pairs)
 * @param ccHalf               CC½, half-dataset split (cctbx's generator and order)
 * @param ccHalfSignificant    CC½ above the 1 % critical value
 * @param ccHalfSigmaTau       CC½ by σ-τ
 * @param ccAnom               half-dataset correlation of anomalous differences
 * @param anomCompleteness     Bijvoet pairs / acentric reflections of the complete set
 * @param anomMultiplicity     observations per unique I+ or I−
 * @param rMergeAnom           Rmerge(I+/-)
 * @param rMeasAnom            Rmeas(I+/-)
 * @param rPimAnom             Rpim(I+/-)
 * @param nCcHalf              reflections in CC½
 */
public record ShellStatistics(double dMax, double dMin, long nObs, long nUniq, double multiplicity, double completeness,
                              double meanI, double meanIOverSigma, double rMerge, double rMeas, double rPim, double rAnom,
                              double ccHalf, boolean ccHalfSignificant, double ccHalfSigmaTau, double ccAnom,
                              double anomCompleteness, double anomMultiplicity, double rMergeAnom, double rMeasAnom,
                              double rPimAnom, long nCcHalf) {

    /** The table row as dials.merge prints it. */
    public String format() {
        // r_anom is blank where a shell has no Bijvoet pairs, as iotbx leaves it
        return String.format("%6.2f %6.2f %6d %6d   %5.2f %6.2f  %8.1f  %6.1f  % 7.3f  % 7.3f  % 7.3f  %s  % 5.3f%s  % 5.3f",
                dMax, dMin, nObs, nUniq, multiplicity, completeness * 100, meanI, meanIOverSigma, rMerge, rMeas, rPim,
                Double.isNaN(rAnom) ? "" : String.format("% 7.3f", rAnom), ccHalf, ccHalfSignificant ? "*" : "", ccAnom);
    }
}
