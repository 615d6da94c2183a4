package org.xtalkit.table;

/** DIALS' reflection flag bits (dials/array_family/reflection_table.h), stored in the "flags" column. */
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
    OVERLAPPED(1L << 11),
    OVERLAPPED_FG(1L << 12),
    IN_POWDER_RING(1L << 13),
    FOREGROUND_INCLUDES_BAD_PIXELS(1L << 14),
    BACKGROUND_INCLUDES_BAD_PIXELS(1L << 15),
    INCLUDES_BAD_PIXELS((1L << 14) | (1L << 15)),
    BAD_REFERENCE(1L << 16),
    BAD_SHOEBOX((1L << 14) | (1L << 15) | (1L << 16)),
    FAILED_DURING_BACKGROUND_MODELLING(1L << 17),
    FAILED_DURING_SUMMATION(1L << 18),
    FAILED_DURING_PROFILE_FITTING(1L << 19),
    BAD_SPOT((1L << 14) | (1L << 15) | (1L << 16) | (1L << 17) | (1L << 18) | (1L << 19)),
    USER_EXCLUDED_IN_SCALING(1L << 20),
    OUTLIER_IN_SCALING(1L << 21),
    EXCLUDED_FOR_SCALING(1L << 22),
    BAD_FOR_SCALING((1L << 20) | (1L << 21) | (1L << 22)),
    BAD_FOR_REFINEMENT(1L << 23),
    SCALED(1L << 24),
    CENTROID_OUTLIER(1L << 25),
    INTEGRATED((1L << 8) | (1L << 9));

    public final long bits;

    Flag(long bits) { this.bits = bits; }

    /** True when any of this flag's bits is set (DIALS' get_flags(..., all=False) for composite flags). */
    public boolean isSetIn(long flags) { return (flags & bits) != 0; }

    /** True when all of this flag's bits are set. */
    public boolean allSetIn(long flags) { return (flags & bits) == bits; }
}
