package org.xtalkit.simulate;

import java.io.ByteArrayOutputStream;

/**
 * CBF byte-offset compression (Hammersley's scheme, CBFlib "x-CBF_BYTE_OFFSET"): each pixel is
 * stored as its difference from the previous one, in 1 byte when it fits in [-127, 127], else
 * 0x80 then 2 bytes, else 0x80 0x00 0x80 then 4 bytes (little-endian).
 * Local stand-in until the CBF package's ByteOffset codec is in main.
 */
final class ByteOffsetEncoder {
    private ByteOffsetEncoder() {}

    static byte[] encode(int[] values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(values.length + values.length / 8);
        long previous = 0;
        for (int v : values) {
            long delta = v - previous;
            previous = v;
            if (delta >= -127 && delta <= 127) {
                out.write((int) delta);
            } else if (delta >= -32767 && delta <= 32767) {
                out.write(0x80);
                out.write((int) delta & 0xFF);
                out.write((int) (delta >> 8) & 0xFF);
            } else {
                out.write(0x80);
                out.write(0x00);
                out.write(0x80);
                for (int b = 0; b < 4; b++) out.write((int) (delta >> (8 * b)) & 0xFF);
            }
        }
        return out.toByteArray();
    }
}
