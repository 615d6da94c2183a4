package org.xtalkit.io.image.cbf;

/**
 * CBF byte-offset compression (CBF_BYTE_OFFSET, as written by Dectris detectors): each pixel is
 * stored as the difference to the previous one, in one byte when it fits in [-127, 127], else the
 * escape byte 0x80 followed by a little-endian int16, else 0x8000 followed by an int32 (and, for
 * 64-bit data, 0x80000000 followed by an int64). The first pixel is relative to 0.
 */
public final class ByteOffset {
    private ByteOffset() {}

    /** Thrown when the packed bytes end before every pixel is decoded. */
    public static final class TruncatedException extends RuntimeException {
        public TruncatedException(String message) { super(message); }
    }

    /**
     * Decodes {@code out.length} pixels from {@code src[offset, offset + length)} into {@code out}.
     *
     * @return the number of bytes consumed
     * @throws TruncatedException when the bytes run out first
     */
    public static int decode(byte[] src, int offset, int length, int[] out) {
        final int end = offset + length;
        final int n = out.length;
        // hot loop: one bounds check per pixel against the packed end; escapes are rare
        int pos = offset, value = 0, i = 0;
        final int safeEnd = end - 15;   // below this every escape sequence fits without checks
        while (i < n) {
            if (pos < safeEnd) {
                int d = src[pos++];
                if (d != -128) {
                    value += d;
                } else {
                    int d16 = (short) ((src[pos] & 0xff) | (src[pos + 1] << 8));
                    pos += 2;
                    if (d16 != -32768) {
                        value += d16;
                    } else {
                        int d32 = readInt(src, pos);
                        pos += 4;
                        if (d32 != Integer.MIN_VALUE) {
                            value += d32;
                        } else {
                            value += (int) readLong(src, pos);
                            pos += 8;
                        }
                    }
                }
                out[i++] = value;
            } else {
                pos = decodeChecked(src, pos, end, out, i, value);
                return pos - offset;
            }
        }
        return pos - offset;
    }

    /** The tail of {@link #decode} with a bounds check before every read. */
    private static int decodeChecked(byte[] src, int pos, int end, int[] out, int i, int value) {
        for (; i < out.length; i++) {
            need(pos, 1, end, i, out.length);
            int d = src[pos++];
            if (d == -128) {
                need(pos, 2, end, i, out.length);
                d = (short) ((src[pos] & 0xff) | (src[pos + 1] << 8));
                pos += 2;
                if (d == -32768) {
                    need(pos, 4, end, i, out.length);
                    d = readInt(src, pos);
                    pos += 4;
                    if (d == Integer.MIN_VALUE) {
                        need(pos, 8, end, i, out.length);
                        d = (int) readLong(src, pos);
                        pos += 8;
                    }
                }
            }
            value += d;
            out[i] = value;
        }
        return pos;
    }

    private static void need(int pos, int bytes, int end, int pixel, int total) {
        if (pos + bytes > end)
            throw new TruncatedException("compressed data end after " + pixel + " of " + total + " pixels");
    }

    private static int readInt(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | b[p + 3] << 24;
    }

    private static long readLong(byte[] b, int p) {
        return (readInt(b, p) & 0xffffffffL) | ((long) readInt(b, p + 4)) << 32;
    }

    /** Packs pixels with byte-offset compression (the inverse of {@link #decode}). */
    public static byte[] encode(int[] pixels) {
        byte[] out = new byte[pixels.length + 64];
        int pos = 0;
        long previous = 0;
        for (int p : pixels) {
            if (pos + 15 > out.length) out = java.util.Arrays.copyOf(out, out.length + out.length / 2 + 64);
            long delta = p - previous;
            previous = p;
            if (delta >= -127 && delta <= 127) {
                out[pos++] = (byte) delta;
                continue;
            }
            out[pos++] = (byte) 0x80;
            if (delta >= -32767 && delta <= 32767) {
                pos = put(out, pos, delta, 2);
                continue;
            }
            out[pos++] = 0x00;
            out[pos++] = (byte) 0x80;
            if (delta >= -2147483647L && delta <= 2147483647L) {
                pos = put(out, pos, delta, 4);
                continue;
            }
            pos = put(out, pos, 0x80000000L, 4);
            pos = put(out, pos, delta, 8);
        }
        return java.util.Arrays.copyOf(out, pos);
    }

    private static int put(byte[] out, int pos, long v, int bytes) {
        for (int k = 0; k < bytes; k++) out[pos++] = (byte) (v >> (8 * k));
        return pos;
    }
}
