package org.xtalkit.table;

/** DIALS' shoebox mask bits (enum MaskCode in dials/model/data/mask_code.h). */
public final class MaskCode {
    private MaskCode() {}

    /** The pixel belongs to this reflection and is not a bad pixel. */
    public static final int VALID = 1;
    /** The pixel is in the background region. */
    public static final int BACKGROUND = 1 << 1;
    /** The pixel is in the foreground (integrated) region. */
    public static final int FOREGROUND = 1 << 2;
    public static final int STRONG = 1 << 3;
    public static final int BACKGROUND_USED = 1 << 4;
    /** The pixel overlaps another reflection's foreground. */
    public static final int OVERLAPPED = 1 << 5;
}
