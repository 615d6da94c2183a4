package org.xtalkit.simulate;

import java.util.Arrays;

/**
 * CBF byte-offset compression (Hammersley's scheme, CBFlib "x-CBF_BYTE_OFFSET"): each pixel is
 * stored as its difference from the previous one, in 1 byte when it fits in [-127, 127], else
 * 0x80 then 2 bytes, else 0x80 0x00 0x80 then 4 bytes (little-endian).
 * Local stand-in until the CBF package's ByteOffset codec is in main.
 */
final class ByteOffsetEncoder {
    private ByteOffsetEncoder() {}

    static byte[] encode(int[] values) {
        byte[] out = new byte[values.length + 64];
        int n = 0;
        long previous = 0;
        for (int v : values) {
            if (n + 7 > out.length) out = Arrays.copyOf(out, out.length + (out.length >> 1));
            long delta = v - previous;
            previous = v;
            if (delta >= -127 && delta <= 127) {
                out[n++] = (byte) delta;
            } else if (delta >= -32767 && delta <= 32767) {
                out[n++] = (byte) 0x80;
                out[n++] = (byte) delta;
                out[n++] = (byte) (delta >> 8);
            } else {
                out[n++] = (byte) 0x80;
                out[n++] = 0x00;
                out[n++] = (byte) 0x80;
                for (int b = 0; b < 4; b++) out[n++] = (byte) (delta >> (8 * b));
            }
        }
        return Arrays.copyOf(out, n);
    }
}
