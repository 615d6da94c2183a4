package org.xtalkit.io.refl;

/**
 * scitbx's compact number encoding (scitbx/serialization/base_256.h), the payload of pickled flex
 * arrays: a header byte holding the length (low 7 bits, header included) and the sign (128 + len for
 * negatives), then the magnitude's bytes, least significant first. A double is the same for the
 * mantissa bytes of frexp's fraction (most significant first) followed by the binary exponent as an int.
 */
final class Base256 {
    private final byte[] b;
    private int pos;
    private final int end;

    Base256(byte[] bytes, int start, int end) {
        this.b = bytes;
        this.pos = start;
        this.end = end;
    }

    int position() { return pos; }
    boolean atEnd() { return pos >= end; }

    long nextInteger() {
        int head = header();
        int len = head & 0x7f;
        if (len == 0) { pos++; return 0; }
        need(len);
        long v = 0;
        for (int i = pos + len - 1; i > pos; i--) v = (v << 8) | (b[i] & 0xff);
        pos += len;
        return head > 128 ? -v : v;
    }

    double nextDouble() {
        int head = header();
        int len = head & 0x7f;
        if (len == 0) { pos++; return 0; }
        need(len);
        // The same arithmetic as scitbx (sum from the least significant byte, /256 each step): exact.
        double f = 0;
        for (int i = pos + len - 1; i > pos; i--) f = (f + (b[i] & 0xff)) / 256;
        pos += len;
        long e = nextInteger();
        double v = Math.scalb(f, (int) e);
        return head > 128 ? -v : v;
    }

    /** Skips n raw bytes (a string's text) and returns where they start. */
    int skip(long n) {
        if (n < 0 || n > end - pos) throw new IllegalStateException("the data ends inside a string of " + n + " bytes");
        int at = pos;
        pos += (int) n;
        return at;
    }

    boolean nextBool() {
        need(1);
        return b[pos++] == '1';
    }

    private int header() {
        need(1);
        return b[pos] & 0xff;
    }

    private void need(int n) {
        if (pos + n > end) throw new IllegalStateException("the data ends before its last value");
    }
}
