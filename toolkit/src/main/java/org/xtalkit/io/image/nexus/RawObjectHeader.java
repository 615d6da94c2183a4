package org.xtalkit.io.image.nexus;

import io.jhdf.storage.HdfBackingStorage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of one HDF5 object header (version 1 or 2, with continuation blocks), read
 * without interpreting them. jhdf 0.13 refuses to parse the header of a virtual dataset at all,
 * so its layout message is read from here (HDF5 File Format Specification, section IV.A).
 */
final class RawObjectHeader {
    static final int DATASPACE = 0x0001, DATATYPE = 0x0003, LAYOUT = 0x0008, CONTINUATION = 0x0010;

    /** One message: its type and body. */
    record Message(int type, ByteBuffer body) {}

    private RawObjectHeader() {}

    static List<Message> read(HdfBackingStorage storage, long address) {
        ByteBuffer sig = storage.readBufferFromAddress(address, 4);
        List<Message> out = new ArrayList<>();
        if (sig.get(0) == 'O' && sig.get(1) == 'H' && sig.get(2) == 'D' && sig.get(3) == 'R') readV2(storage, address, out);
        else readV1(storage, address, out);
        return out;
    }

    private static void readV1(HdfBackingStorage s, long address, List<Message> out) {
        ByteBuffer h = s.readBufferFromAddress(address, 16).order(ByteOrder.LITTLE_ENDIAN);
        if (h.get(0) != 1) throw new IllegalStateException("object header at " + address + " has version " + h.get(0));
        int remaining = Short.toUnsignedInt(h.getShort(2));
        long size = Integer.toUnsignedLong(h.getInt(8));
        List<long[]> blocks = new ArrayList<>();
        blocks.add(new long[] {address + 16, size});
        for (int b = 0; b < blocks.size() && remaining > 0; b++) {
            ByteBuffer buf = s.readBufferFromAddress(blocks.get(b)[0], (int) blocks.get(b)[1]).order(ByteOrder.LITTLE_ENDIAN);
            while (buf.remaining() >= 8 && remaining > 0) {
                int type = Short.toUnsignedInt(buf.getShort());
                int len = Short.toUnsignedInt(buf.getShort());
                buf.position(buf.position() + 4);
                ByteBuffer body = slice(buf, len);
                remaining--;
                if (type == CONTINUATION) blocks.add(continuation(s, body));
                else out.add(new Message(type, body));
            }
        }
    }

    private static void readV2(HdfBackingStorage s, long address, List<Message> out) {
        ByteBuffer h = s.readBufferFromAddress(address, 32).order(ByteOrder.LITTLE_ENDIAN);
        int flags = h.get(5) & 0xFF;
        int pos = 6;
        if ((flags & 0x20) != 0) pos += 16;
        if ((flags & 0x10) != 0) pos += 4;
        int sizeBytes = 1 << (flags & 3);
        long size = 0;
        for (int i = 0; i < sizeBytes; i++) size |= (h.get(pos + i) & 0xFFL) << (8 * i);
        pos += sizeBytes;
        boolean creationOrder = (flags & 0x04) != 0;
        List<long[]> blocks = new ArrayList<>();
        blocks.add(new long[] {address + pos, size});
        for (int b = 0; b < blocks.size(); b++) {
            long start = blocks.get(b)[0], len = blocks.get(b)[1];
            if (b > 0) { start += 4; len -= 8; } // "OCHK" signature, trailing checksum
            ByteBuffer buf = s.readBufferFromAddress(start, (int) len).order(ByteOrder.LITTLE_ENDIAN);
            int headerLen = creationOrder ? 6 : 4;
            while (buf.remaining() >= headerLen) {
                int type = buf.get() & 0xFF;
                int mlen = Short.toUnsignedInt(buf.getShort());
                buf.get();
                if (creationOrder) buf.getShort();
                if (mlen > buf.remaining()) break;
                ByteBuffer body = slice(buf, mlen);
                if (type == CONTINUATION) blocks.add(continuation(s, body));
                else out.add(new Message(type, body));
            }
        }
    }

    private static long[] continuation(HdfBackingStorage s, ByteBuffer body) {
        return new long[] {readUnsigned(body, s.getSizeOfOffsets()), readUnsigned(body, s.getSizeOfLengths())};
    }

    private static ByteBuffer slice(ByteBuffer buf, int len) {
        ByteBuffer body = buf.slice(buf.position(), len).order(ByteOrder.LITTLE_ENDIAN);
        buf.position(buf.position() + len);
        return body;
    }

    /** An unsigned little-endian integer of 1-8 bytes at the buffer's position. */
    static long readUnsigned(ByteBuffer b, int bytes) {
        long v = 0;
        for (int i = 0; i < bytes; i++) v |= (b.get() & 0xFFL) << (8 * i);
        return v;
    }

    /** The dimensions recorded in a dataspace message. */
    static long[] dimensions(ByteBuffer body, int sizeOfLengths) {
        ByteBuffer b = body.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int version = b.get() & 0xFF;
        int rank = b.get() & 0xFF;
        b.get(); // flags
        if (version == 1) b.position(b.position() + 5); else b.get(); // reserved / type
        long[] dims = new long[rank];
        for (int i = 0; i < rank; i++) dims[i] = readUnsigned(b, sizeOfLengths);
        return dims;
    }
}
