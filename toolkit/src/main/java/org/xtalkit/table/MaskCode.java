package org.xtalkit.table;

/** DIALS' shoebox mask bits (dials/model/data/mask_code.h). */
public final class MaskCode {
    private MaskCode() {}

    public static final int VALID = 1;
    public static final int FOREGROUND = 1 << 1;
    public static final int BACKGROUND = 1 << 2;
    public static final int STRONG = 1 << 3;
    public static final int BACKGROUND_USED = 1 << 4;
    public static final int OVERLAPPED = 1 << 5;
}
