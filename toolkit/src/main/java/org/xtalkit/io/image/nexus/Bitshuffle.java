package org.xtalkit.io.image.nexus;

/**
 * The bit transpose of the bitshuffle filter (Masui et al. 2015, Astron. Comput. 12, 181) for one
 * block of {@code n} elements ({@code n} a multiple of 8). The shuffled block holds 8 × elemSize
 * bit-rows of n/8 bytes: row {@code 8j + k} collects bit k of byte j of every element, element
 * {@code 8i + m} at bit m of byte i (least significant bit first).
 */
final class Bitshuffle {
    private Bitshuffle() {}

    /** Undoes the transpose: {@code src[srcOff..]} (shuffled) -> {@code dst[dstOff..]} (elements). */
    static void unshuffle(byte[] src, int srcOff, byte[] dst, int dstOff, int n, int elemSize) {
        int rowBytes = n >>> 3;
        for (int j = 0; j < elemSize; j++) {
            int rows = srcOff + 8 * j * rowBytes;
            for (int i = 0; i < rowBytes; i++) {
                int p = rows + i;
                long x = (src[p] & 0xFFL)
                        | (src[p + rowBytes] & 0xFFL) << 8
                        | (src[p + 2 * rowBytes] & 0xFFL) << 16
                        | (src[p + 3 * rowBytes] & 0xFFL) << 24
                        | (src[p + 4 * rowBytes] & 0xFFL) << 32
                        | (src[p + 5 * rowBytes] & 0xFFL) << 40
                        | (src[p + 6 * rowBytes] & 0xFFL) << 48
                        | (src[p + 7 * rowBytes] & 0xFFL) << 56;
                if (x == 0) continue; // dst is zero-filled by the caller; most counts are small
                x = transpose8x8(x);
                int q = dstOff + 8 * i * elemSize + j;
                for (int m = 0; m < 8; m++, q += elemSize, x >>>= 8) dst[q] = (byte) x;
            }
        }
    }

    /**
     * Transposes an 8×8 bit matrix held in a long (byte r = row r, bit c of it = column c):
     * afterwards bit c of byte r is the former bit r of byte c. Three rounds of block swaps.
     */
    static long transpose8x8(long x) {
        long t = (x ^ (x >>> 7)) & 0x00AA00AA00AA00AAL;
        x = x ^ t ^ (t << 7);
        t = (x ^ (x >>> 14)) & 0x0000CCCC0000CCCCL;
        x = x ^ t ^ (t << 14);
        t = (x ^ (x >>> 28)) & 0x00000000F0F0F0F0L;
        return x ^ t ^ (t << 28);
    }
}
