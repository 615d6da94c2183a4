package org.xtalkit.spots;

/**
 * The strong pixels of one connected region of one panel, in (frame, slow, fast) order.
 *
 * @param panel panel index
 * @param frame frame (z) of each pixel
 * @param index pixel index within the panel image (slow * width + fast)
 * @param value pixel value
 */
record Region(int panel, int[] frame, int[] index, int[] value) {
    int size() { return index.length; }

    /** Sort key of the first pixel: DIALS lists spots by panel, then first pixel in (z, y, x) order. */
    long firstKey() { return ((long) frame[0] << 32) | (index[0] & 0xffffffffL); }
}
