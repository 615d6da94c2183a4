package org.xtalkit.io.refl;

import org.xtalkit.XtalException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The few msgpack reads a .refl file needs, over bytes in memory. Headers are big-endian as msgpack
 * says; {@link #readBin} hands out the payload as a little-endian view without copying. Every
 * failure names the file, the byte offset and what was expected.
 */
final class MsgpackInput {
    private final ByteBuffer buf;
    private final Object file;

    MsgpackInput(byte[] bytes, Object file) {
        this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        this.file = file;
    }

    int position() { return buf.position(); }
    boolean atEnd() { return !buf.hasRemaining(); }

    int peek() {
        need(1, "a msgpack value");
        return buf.get(buf.position()) & 0xff;
    }

    int readArrayHeader(String what) {
        int b = peek();
        if ((b & 0xf0) == 0x90) { buf.get(); return b & 0x0f; }
        if (b == 0xdc) { buf.get(); need(2, what); return buf.getShort() & 0xffff; }
        if (b == 0xdd) { buf.get(); need(4, what); return length(buf.getInt(), what); }
        throw expected(what + " (a msgpack array)");
    }

    int readMapHeader(String what) {
        int b = peek();
        if ((b & 0xf0) == 0x80) { buf.get(); return b & 0x0f; }
        if (b == 0xde) { buf.get(); need(2, what); return buf.getShort() & 0xffff; }
        if (b == 0xdf) { buf.get(); need(4, what); return length(buf.getInt(), what); }
        throw expected(what + " (a msgpack map)");
    }

    String readString(String what) {
        int b = peek();
        int n;
        if ((b & 0xe0) == 0xa0) { buf.get(); n = b & 0x1f; }
        else if (b == 0xd9) { buf.get(); need(1, what); n = buf.get() & 0xff; }
        else if (b == 0xda) { buf.get(); need(2, what); n = buf.getShort() & 0xffff; }
        else if (b == 0xdb) { buf.get(); need(4, what); n = length(buf.getInt(), what); }
        else throw expected(what + " (a msgpack string)");
        need(n, what);
        String s = new String(buf.array(), buf.position(), n, StandardCharsets.UTF_8);
        buf.position(buf.position() + n);
        return s;
    }

    /** Any msgpack integer; unsigned 64-bit values beyond Long.MAX_VALUE are rejected. */
    long readInteger(String what) {
        int b = peek();
        if (b <= 0x7f) { buf.get(); return b; }
        if (b >= 0xe0) { buf.get(); return (byte) b; }
        int start = buf.position();
        buf.get();
        switch (b) {
            case 0xcc -> { need(1, what); return buf.get() & 0xffL; }
            case 0xcd -> { need(2, what); return buf.getShort() & 0xffffL; }
            case 0xce -> { need(4, what); return buf.getInt() & 0xffffffffL; }
            case 0xcf -> {
                need(8, what);
                long v = buf.getLong();
                if (v < 0) { buf.position(start); throw expected(what + " below 2^63"); }
                return v;
            }
            case 0xd0 -> { need(1, what); return buf.get(); }
            case 0xd1 -> { need(2, what); return buf.getShort(); }
            case 0xd2 -> { need(4, what); return buf.getInt(); }
            case 0xd3 -> { need(8, what); return buf.getLong(); }
            default -> { buf.position(start); throw expected(what + " (a msgpack integer)"); }
        }
    }

    /** A bin payload as a little-endian view of the file's bytes (position 0, limit = length). */
    ByteBuffer readBin(String what) {
        int b = peek();
        int n;
        if (b == 0xc4) { buf.get(); need(1, what); n = buf.get() & 0xff; }
        else if (b == 0xc5) { buf.get(); need(2, what); n = buf.getShort() & 0xffff; }
        else if (b == 0xc6) { buf.get(); need(4, what); n = length(buf.getInt(), what); }
        else throw expected(what + " (msgpack binary data)");
        need(n, what);
        ByteBuffer view = buf.slice(buf.position(), n).order(ByteOrder.LITTLE_ENDIAN);
        buf.position(buf.position() + n);
        return view;
    }

    XtalException error(String problem) {
        return XtalException.badFile(file, problem);
    }

    private XtalException expected(String what) {
        return error("expected " + what + " at byte " + buf.position() + ", found " + describe(buf.get(buf.position()) & 0xff));
    }

    private void need(int n, String what) {
        if (buf.remaining() < n)
            throw error("file ends at byte " + buf.limit() + " while reading " + what + " (truncated?): needed "
                    + n + " more bytes at byte " + buf.position());
    }

    private int length(int raw, String what) {
        if (raw < 0) throw error(what + " claims " + (raw & 0xffffffffL) + " entries at byte " + buf.position());
        return raw;
    }

    private static String describe(int b) {
        if (b <= 0x7f || b >= 0xe0 || (b >= 0xcc && b <= 0xd3)) return "a msgpack integer";
        if ((b & 0xf0) == 0x80 || b == 0xde || b == 0xdf) return "a msgpack map";
        if ((b & 0xf0) == 0x90 || b == 0xdc || b == 0xdd) return "a msgpack array";
        if ((b & 0xe0) == 0xa0 || (b >= 0xd9 && b <= 0xdb)) return "a msgpack string";
        if (b >= 0xc4 && b <= 0xc6) return "msgpack binary data";
        if (b == 0xc0) return "nil";
        if (b == 0xc2 || b == 0xc3) return "a boolean";
        if (b == 0xca || b == 0xcb) return "a float";
        return String.format("byte 0x%02x", b);
    }
}
