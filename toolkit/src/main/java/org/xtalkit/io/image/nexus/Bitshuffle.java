package org.xtalkit.io.image.nexus;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The bit transpose of the bitshuffle filter (Masui et al. 2015, Astron. Comput. 12, 181) for one
 * block of {@code n} elements ({@code n} a multiple of 8). The shuffled block holds 8 × elemSize
 * bit-rows of n/8 bytes: row {@code 8j + k} collects bit k of byte j of every element, element
 * {@code 8i + m} at bit m of byte i (least significant bit first).
 *
 * <p>Undoing it: the 8 bytes at column i of rows 8j..8j+7 form an 8×8 bit matrix whose transpose
 * holds byte j of elements 8i..8i+7. Columns are taken 8 at a time as longs (an 8×8 byte
 * transpose turns 8 row-longs into 8 column-longs), and all-zero runs, most of a diffraction
 * image, are skipped: the output must be zero-filled.
 */
final class Bitshuffle {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Bitshuffle() {}

    /** Undoes the transpose: {@code src[srcOff..]} (shuffled) -> {@code dst[dstOff..]} (elements, zero-filled). */
    static void unshuffle(byte[] src, int srcOff, byte[] dst, int dstOff, int n, int elemSize) {
        int rowBytes = n >>> 3;
        int wide = rowBytes & ~7;
        long[] col = new long[8];
        for (int j = 0; j < elemSize; j++) {
            int rows = srcOff + 8 * j * rowBytes;
            for (int i = 0; i < wide; i += 8) {
                long any = 0;
                for (int k = 0; k < 8; k++) any |= col[k] = (long) LONG.get(src, rows + k * rowBytes + i);
                if (any == 0) continue;
                transposeBytes(col);
                for (int t = 0; t < 8; t++) {
                    if (col[t] == 0) continue;
                    scatter(transpose8x8(col[t]), dst, dstOff + 8 * (i + t) * elemSize + j, elemSize);
                }
            }
            for (int i = wide; i < rowBytes; i++) {
                long x = 0;
                for (int k = 0; k < 8; k++) x |= (src[rows + k * rowBytes + i] & 0xFFL) << (8 * k);
                if (x != 0) scatter(transpose8x8(x), dst, dstOff + 8 * i * elemSize + j, elemSize);
            }
        }
    }

    /** Byte m of x to dst[q + m * stride]. */
    private static void scatter(long x, byte[] dst, int q, int stride) {
        for (int m = 0; m < 8; m++, q += stride, x >>>= 8) dst[q] = (byte) x;
    }

    /** 8×8 byte transpose: afterwards byte k of c[t] is the former byte t of c[k]. */
    static void transposeBytes(long[] c) {
        for (int k = 0; k < 4; k++) {
            long a = c[k], b = c[k + 4];
            c[k] = (a & 0x00000000FFFFFFFFL) | (b << 32);
            c[k + 4] = (a >>> 32) | (b & 0xFFFFFFFF00000000L);
        }
        for (int k = 0; k < 8; k += (k & 1) == 0 ? 1 : 3) { // 0, 1, 4, 5
            long a = c[k], b = c[k + 2];
            c[k] = (a & 0x0000FFFF0000FFFFL) | ((b << 16) & 0xFFFF0000FFFF0000L);
            c[k + 2] = ((a >>> 16) & 0x0000FFFF0000FFFFL) | (b & 0xFFFF0000FFFF0000L);
        }
        for (int k = 0; k < 8; k += 2) {
            long a = c[k], b = c[k + 1];
            c[k] = (a & 0x00FF00FF00FF00FFL) | ((b << 8) & 0xFF00FF00FF00FF00L);
            c[k + 1] = ((a >>> 8) & 0x00FF00FF00FF00FFL) | (b & 0xFF00FF00FF00FF00L);
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
