package org.xtalkit.table;

import java.util.Locale;

/**
 * DIALS' reflection flag bits (enum Flags in dials/array_family/reflection_table.h, DIALS 3.12), stored
 * in the "flags" column. Composite flags (INTEGRATED, BAD_SHOEBOX, ...) are the OR of their parts, as
 * in DIALS; {@link #dialsName()} is the name DIALS' Python gives the flag.
 */
public enum Flag {
    PREDICTED(1L << 0),
    OBSERVED(1L << 1),
    INDEXED(1L << 2),
    USED_IN_REFINEMENT(1L << 3),
    STRONG(1L << 5),
    REFERENCE_SPOT(1L << 6),
    DONT_INTEGRATE(1L << 7),
    INTEGRATED_SUM(1L << 8),
    INTEGRATED_PRF(1L << 9),
    OVERLOADED(1L << 10),
    /** DIALS' overlapped_bg (the same bit as {@link #OVERLAPPED_BG}). */
    OVERLAPPED(1L << 11),
    OVERLAPPED_BG(1L << 11),
    OVERLAPPED_FG(1L << 12),
    IN_POWDER_RING(1L << 13),
    FOREGROUND_INCLUDES_BAD_PIXELS(1L << 14),
    BACKGROUND_INCLUDES_BAD_PIXELS(1L << 15),
    INCLUDES_BAD_PIXELS((1L << 14) | (1L << 15)),
    /** Overloaded, overlapped (bg or fg), in a powder ring or including bad pixels. */
    BAD_SHOEBOX(0x3FL << 10),
    USED_IN_MODELLING(1L << 16),
    CENTROID_OUTLIER(1L << 17),
    FAILED_DURING_BACKGROUND_MODELLING(1L << 18),
    FAILED_DURING_SUMMATION(1L << 19),
    FAILED_DURING_PROFILE_FITTING(1L << 20),
    BAD_REFERENCE(1L << 21),
    /** The same bits as {@link #BAD_SHOEBOX} in DIALS. */
    BAD_SPOT(0x3FL << 10),
    USER_EXCLUDED_IN_SCALING(1L << 22),
    OUTLIER_IN_SCALING(1L << 23),
    EXCLUDED_FOR_SCALING(1L << 24),
    BAD_FOR_SCALING((1L << 22) | (1L << 23) | (1L << 24)),
    EXCLUDED_FOR_REFINEMENT(1L << 25),
    /** Excluded for refinement or a centroid outlier. */
    BAD_FOR_REFINEMENT((1L << 25) | (1L << 17)),
    SCALED(1L << 26),
    INTEGRATED((1L << 8) | (1L << 9));

    public final long bits;

    Flag(long bits) { this.bits = bits; }

    /** True when any of this flag's bits is set (DIALS' get_flags(..., all=False) for composite flags). */
    public boolean isSetIn(long flags) { return (flags & bits) != 0; }

    /** True when all of this flag's bits are set. */
    public boolean allSetIn(long flags) { return (flags & bits) == bits; }

    /** The flag's name in DIALS (reflection_table.flags.integrated_sum, ...). */
    public String dialsName() { return name().toLowerCase(Locale.ROOT); }
}
