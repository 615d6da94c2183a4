package org.xtalkit.symmetry;

/**
 * The expected scattering mmtbx's absolute scaling assumes when nothing is known of the contents:
 * a protein whose size comes from the Matthews coefficient of the cell (Kantardjieff &amp; Rupp 2003,
 * mmtbx.scaling.matthews with one residue per "copy"), atoms H8 C5 N1.5 O1.2 per residue with
 * Waasmaier–Kirfel (1995) form factors, and the "Wilson wiggle" γ(d*²) of protein data
 * (mmtbx.scaling.absolute_scaling.gamma_protein). Coefficients are those of cctbx (the form factors as the
 * single-precision values cctbx stores, H as cctbx tabulates it).
 */
public final class ExpectedScattering {
    private ExpectedScattering() {}

    /** Atoms per residue and their WK1995 a1..a5, b1..b5, c. */
    private static final double[] PER_RESIDUE = {8.0, 5.0, 1.5, 1.2};
    private static final double[][] WK1995 = {
        {-0.11710365861654282, 0.009348594583570957, 0.27006858587265015, 0.28434139490127563, 0.5528717041015625, 3.0598466396331787, 0.7465577721595764, 3.2917861938476562, 32.645652770996094, 11.546356201171875, 0.0},  // H
        {2.657505989074707, 1.0780789852142334, 1.4909089803695679, -4.241069793701172, 0.713791012763977, 14.780757904052734, 0.7767750024795532, 42.08684158325195, -0.00029399999766610563, 0.23953500390052795, 4.297983169555664},  // C
        {11.893779754638672, 3.2774789333343506, 1.858091950416565, 0.8589270114898682, 0.9129850268363953, 0.00015799999528098851, 10.232723236083984, 30.344690322875977, 0.6560649871826172, 0.21728700399398804, -11.804902076721191},  // N
        {2.9604270458221436, 2.5088179111480713, 0.6378530263900757, 0.7228379845619202, 1.1427559852600098, 14.182258605957031, 5.936858177185059, 0.11272600293159485, 34.95848083496094, 0.39024001359939575, 0.027014000341296196},  // O
    };

    /** γ(d*²) of protein data: Chebyshev series on 0.008 ≤ d*² ≤ 0.69. */
    private static final double[] GAMMA = {
        -0.24994838652402987, 0.15287426147680838, 0.06810869292518401, 0.15780196907582875,
        -0.07811375753346686, 0.04321117590930089, -0.04340721996513419, 0.024613271516995903,
        0.0035146404613345932, -0.06411848663721141, 0.10521875419321854, -0.10153928782775833,
        0.0335706778430487, -0.006662947781881128, -0.005822165948129003, 0.0136026246654981,
        -0.013385834361135244, 0.022526368996167032, -0.019843844247892727, 0.018128145323325774,
        -0.00917401886577591, 0.0068283902389141915, -0.006088080736614257, 0.0004002124110802677,
        -0.0006568697399118519, -0.003935883920038932, 0.005618583338663415, -0.007525716832696291,
        -0.0015215201587884459, -0.003638354995799022, -0.006428915428432583, 0.005908044265891733,
        -0.008985121573461189, 0.003648815606744104, -0.004737500814805571, -0.000909994961111713,
        0.0009698672865217028, -0.005100683076191101, 0.004683853622895678, -0.0031683076118337885,
        0.0037866523617167236, 0.0015810274077361975, 0.001103084135708619, 0.0015715596895281762,
        -0.004135478316250779};

    /** log P(solvent content) of PDB entries: Chebyshev series on 0 ≤ solc ≤ 1. */
    private static final double[] LOG_P_SOLC = {
        -14.105436736742137, -0.47015366358636385, -2.915168197624464, -0.49308859741473005,
        0.9013262520972904, 0.0335290513114881, 0.0889014075821058, 0.10749856607909694,
        0.05500091849409986, -0.052424473641668454, -0.04569888284011923, 0.07604848409671804,
        -0.09764515990686859, 0.03904454313991608, -0.07218666717386507};

    /**
     * The residues mmtbx's matthews_rupp guesses for a cell of this volume holding Z asymmetric
     * units: the count of 112.5-Da residues (of a tenth of one where a single residue does not fit)
     * whose solvent fraction is the most probable.
     */
    public static int residues(double volume, int z) {
        double perCopy = 1;
        while (true) {
            int best = 1, copies = 0;
            double max = 0;
            while (true) {
                copies++;
                double vm = volume / (perCopy * 112.5 * z * copies);
                double solc = 1 - 0.74 / (0.602 * vm);
                if (solc <= 0) break;
                double p = Math.exp(chebyshev(LOG_P_SOLC, 0, 1, Math.max(0, Math.min(1, solc))));
                if (p > max) { max = p; best = copies; }
            }
            if (copies > 1) return best;
            perCopy /= 10;  // not even one residue fits
        }
    }

    /** Σ n f₀(d*²)² of the atoms of n residues. */
    public static double sigmaSq(double dStarSq, int residues) {
        double s = 0, x = dStarSq / 4;
        for (int e = 0; e < WK1995.length; e++) {
            double[] g = WK1995[e];
            double f = g[10];
            for (int i = 0; i < 5; i++) f += g[i] * Math.exp(-g[5 + i] * x);
            s += f * f * PER_RESIDUE[e] * residues;
        }
        return s;
    }

    /** γ(d*²), d*² clamped to the range of the series. */
    public static double gamma(double dStarSq) {
        return chebyshev(GAMMA, 0.008, 0.69, Math.max(0.008, Math.min(0.69, dStarSq)));
    }

    /** Σ cᵢTᵢ(x') − c₀/2 on [lo, hi] (Clenshaw), as scitbx's chebyshev_polynome. */
    static double chebyshev(double[] c, double lo, double hi, double x) {
        double t = (x - (lo + hi) / 2) / ((hi - lo) / 2), t2 = 2 * t, d = 0, dd = 0;
        for (int i = c.length - 1; i >= 1; i--) {
            double sv = d;
            d = t2 * d - dd + c[i];
            dd = sv;
        }
        return t * d - dd + 0.5 * c[0];
    }
}
