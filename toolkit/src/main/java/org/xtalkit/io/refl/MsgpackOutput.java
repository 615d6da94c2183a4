package org.xtalkit.io.refl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The msgpack writes a .refl file needs, into a growing byte array. Like msgpack-c (what DIALS
 * uses) every header takes its shortest form, so a table read and written again gives the same
 * bytes. {@link #bin(int)} returns a little-endian window to fill with a column's payload.
 */
final class MsgpackOutput {
    private byte[] buf;
    private int pos;

    MsgpackOutput(int initialCapacity) { buf = new byte[Math.max(64, initialCapacity)]; }

    byte[] toByteArray() { return Arrays.copyOf(buf, pos); }

    void arrayHeader(int n) {
        if (n < 16) put1(0x90 | n);
        else if (n < 0x10000) { put1(0xdc); put2(n); }
        else { put1(0xdd); put4(n); }
    }

    void mapHeader(int n) {
        if (n < 16) put1(0x80 | n);
        else if (n < 0x10000) { put1(0xde); put2(n); }
        else { put1(0xdf); put4(n); }
    }

    void string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int n = b.length;
        if (n < 32) put1(0xa0 | n);
        else if (n < 0x100) { put1(0xd9); put1(n); }
        else if (n < 0x10000) { put1(0xda); put2(n); }
        else { put1(0xdb); put4(n); }
        ensure(n);
        System.arraycopy(b, 0, buf, pos, n);
        pos += n;
    }

    /** An integer in its shortest msgpack form (non-negative values as unsigned, as msgpack-c does). */
    void integer(long v) {
        if (v >= 0) {
            if (v < 0x80) put1((int) v);
            else if (v < 0x100) { put1(0xcc); put1((int) v); }
            else if (v < 0x10000) { put1(0xcd); put2((int) v); }
            else if (v < 0x100000000L) { put1(0xce); put4((int) v); }
            else { put1(0xcf); put8(v); }
        } else {
            if (v >= -32) put1((int) v & 0xff);
            else if (v >= Byte.MIN_VALUE) { put1(0xd0); put1((int) v); }
            else if (v >= Short.MIN_VALUE) { put1(0xd1); put2((int) v); }
            else if (v >= Integer.MIN_VALUE) { put1(0xd2); put4((int) v); }
            else { put1(0xd3); put8(v); }
        }
    }

    /** Writes a bin header for n bytes and returns a little-endian buffer over those n bytes, to fill before the next write. */
    ByteBuffer bin(int n) {
        if (n < 0x100) { put1(0xc4); put1(n); }
        else if (n < 0x10000) { put1(0xc5); put2(n); }
        else { put1(0xc6); put4(n); }
        ensure(n);
        ByteBuffer window = ByteBuffer.wrap(buf, pos, n).slice().order(ByteOrder.LITTLE_ENDIAN);
        pos += n;
        return window;
    }

    private void put1(int b) { ensure(1); buf[pos++] = (byte) b; }
    private void put2(int v) { ensure(2); buf[pos++] = (byte) (v >>> 8); buf[pos++] = (byte) v; }
    private void put4(int v) { put2(v >>> 16); put2(v); }
    private void put8(long v) { put4((int) (v >>> 32)); put4((int) v); }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            long want = Math.max((long) buf.length * 2, (long) pos + n);
            if (want > Integer.MAX_VALUE - 8) throw new IllegalStateException("reflection table too large for one .refl file (" + want + " bytes)");
            buf = Arrays.copyOf(buf, (int) want);
        }
    }
}
