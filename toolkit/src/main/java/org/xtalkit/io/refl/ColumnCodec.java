package org.xtalkit.io.refl;

import org.xtalkit.XtalException;
import org.xtalkit.table.Column;
import org.xtalkit.table.ColumnType;
import org.xtalkit.table.Shoebox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The binary payload of one .refl column, as DIALS' reflection_table_msgpack_adapter.h lays it out:
 * the column's C++ array memory, little-endian, elements back to back (int 4 bytes, std::size_t 8,
 * bool 1, vec3&lt;double&gt; 24, int6 24, miller index 12, mat3&lt;double&gt; 72 row-major, ...).
 *
 * <p>Shoeboxes are a stream per row: panel (uint32), bbox x0,x1,y0,y1,z0,z1 (int32), one byte 1 when
 * pixels follow, then data (float32), mask (int32) and background (float32), each z,y,x with x fastest.
 *
 * <p>std::string columns hold the 32-byte libstdc++ string objects themselves (pointer, length,
 * 16-byte local buffer): only strings of up to 15 bytes have their text in the file, and DIALS reads
 * its own string columns back as garbage (the pointer is stale). xtalkit reads the text from the local
 * buffer. It writes a null pointer and length 0 with the text NUL-terminated in the local buffer: DIALS
 * then reads empty strings instead of crashing on the pointer, and xtalkit reads the text back.
 */
final class ColumnCodec {
    private ColumnCodec() {}

    static final int STRING_BYTES = 32;
    static final int STRING_LOCAL_CAPACITY = 15;

    /** Bytes per row, or -1 when rows vary in size (shoeboxes). */
    static int rowBytes(ColumnType type) {
        return switch (type) {
            case INT, INT6, MILLER -> 4 * type.width;
            case SIZE_T -> 8;
            case DOUBLE, VEC2, VEC3, MAT3 -> 8 * type.width;
            case BOOL -> 1;
            case STRING -> STRING_BYTES;
            case SHOEBOX -> -1;
        };
    }

    /** Decodes {@code rows} rows; {@code in} is little-endian and positioned at 0. */
    static Column decode(ColumnType type, int rows, ByteBuffer in, MsgpackInput src, String column) {
        int rb = rowBytes(type);
        if (rb > 0 && (long) rb * rows != in.remaining())
            throw src.error("column '" + column + "' (" + type.dialsName + ") has " + in.remaining()
                    + " bytes of data, expected " + rows + " rows x " + rb + " bytes");
        Column c = Column.empty(type, rows);
        switch (type) {
            case INT, INT6, MILLER -> in.asIntBuffer().get((int[]) c.data());
            case SIZE_T -> in.asLongBuffer().get((long[]) c.data());
            case DOUBLE, VEC2, VEC3, MAT3 -> in.asDoubleBuffer().get((double[]) c.data());
            case BOOL -> {
                boolean[] b = (boolean[]) c.data();
                for (int i = 0; i < rows; i++) b[i] = in.get(i) != 0;
            }
            case STRING -> decodeStrings((String[]) c.data(), in, src, column);
            case SHOEBOX -> decodeShoeboxes((Shoebox[]) c.data(), in, src, column);
        }
        return c;
    }

    /** Size in bytes of the payload {@link #encode} writes. */
    static long encodedBytes(Column c) {
        int rb = rowBytes(c.type());
        if (rb > 0) return (long) rb * c.size();
        long n = 0;
        for (Shoebox s : (Shoebox[]) c.data()) n += 29 + (s.isAllocated() ? 12L * s.data().length : 0);
        return n;
    }

    /** Writes the payload into {@code out} (little-endian, exactly {@link #encodedBytes} long). */
    static void encode(Column c, ByteBuffer out, String column) {
        switch (c.type()) {
            case INT, INT6, MILLER -> out.asIntBuffer().put((int[]) c.data());
            case SIZE_T -> out.asLongBuffer().put((long[]) c.data());
            case DOUBLE, VEC2, VEC3, MAT3 -> out.asDoubleBuffer().put((double[]) c.data());
            case BOOL -> {
                boolean[] b = (boolean[]) c.data();
                for (int i = 0; i < b.length; i++) out.put(i, (byte) (b[i] ? 1 : 0));
            }
            case STRING -> encodeStrings((String[]) c.data(), out, column);
            case SHOEBOX -> encodeShoeboxes((Shoebox[]) c.data(), out, column);
        }
    }

    private static void decodeStrings(String[] out, ByteBuffer in, MsgpackInput src, String column) {
        byte[] local = new byte[STRING_LOCAL_CAPACITY + 1];
        for (int i = 0; i < out.length; i++) {
            int at = i * STRING_BYTES;
            long pointer = in.getLong(at), length = in.getLong(at + 8);
            in.get(at + 16, local);
            if (pointer == 0 && length == 0) {          // as xtalkit writes them: NUL-terminated text
                int n = 0;
                while (n < local.length && local[n] != 0) n++;
                out[i] = new String(local, 0, n, StandardCharsets.UTF_8);
            } else if (length >= 0 && length <= STRING_LOCAL_CAPACITY) {
                out[i] = new String(local, 0, (int) length, StandardCharsets.UTF_8);
            } else {
                throw src.error("column '" + column + "' row " + i + ": a std::string of " + length
                        + " bytes, whose text DIALS did not store (only strings up to " + STRING_LOCAL_CAPACITY + " bytes are in the file)");
            }
        }
    }

    private static void encodeStrings(String[] strings, ByteBuffer out, String column) {
        for (int i = 0; i < strings.length; i++) {
            String text = strings[i] == null ? "" : strings[i];
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            if (b.length > STRING_LOCAL_CAPACITY || text.indexOf('\0') >= 0)
                throw new XtalException("column '" + column + "' row " + i + ": '" + text + "' does not fit the "
                        + STRING_LOCAL_CAPACITY + " bytes (without NUL) that a std::string column can hold in a .refl file");
            int at = i * STRING_BYTES;
            out.putLong(at, 0L);
            out.putLong(at + 8, 0L);
            out.put(at + 16, b);
            for (int k = at + 16 + b.length; k < at + STRING_BYTES; k++) out.put(k, (byte) 0);
        }
    }

    private static void decodeShoeboxes(Shoebox[] out, ByteBuffer in, MsgpackInput src, String column) {
        for (int i = 0; i < out.length; i++) {
            if (in.remaining() < 29)
                throw src.error("column '" + column + "' ends inside shoebox " + i + " of " + out.length);
            int panel = in.getInt();
            int[] bbox = new int[6];
            for (int k = 0; k < 6; k++) bbox[k] = in.getInt();
            if (panel < 0 || bbox[1] < bbox[0] || bbox[3] < bbox[2] || bbox[5] < bbox[4])
                throw src.error("column '" + column + "' shoebox " + i + ": panel " + Integer.toUnsignedString(panel)
                        + ", bbox " + java.util.Arrays.toString(bbox) + " (expected x1>=x0, y1>=y0, z1>=z0)");
            int present = in.get();
            if (present == 0) {
                out[i] = new Shoebox(panel, bbox, new float[0], new int[0], new float[0]);
                continue;
            }
            long volume = (long) (bbox[1] - bbox[0]) * (bbox[3] - bbox[2]) * (bbox[5] - bbox[4]);
            if (12 * volume > in.remaining())
                throw src.error("column '" + column + "' shoebox " + i + ": bbox " + java.util.Arrays.toString(bbox)
                        + " needs " + 12 * volume + " bytes of pixels, only " + in.remaining() + " left");
            int n = (int) volume;
            float[] data = new float[n];
            int[] mask = new int[n];
            float[] background = new float[n];
            in.asFloatBuffer().get(data);
            in.position(in.position() + 4 * n);
            in.asIntBuffer().get(mask);
            in.position(in.position() + 4 * n);
            in.asFloatBuffer().get(background);
            in.position(in.position() + 4 * n);
            out[i] = new Shoebox(panel, bbox, data, mask, background);
        }
        if (in.hasRemaining())
            throw src.error("column '" + column + "' has " + in.remaining() + " bytes after its last shoebox");
    }

    private static void encodeShoeboxes(Shoebox[] boxes, ByteBuffer out, String column) {
        for (int i = 0; i < boxes.length; i++) {
            Shoebox s = boxes[i];
            int[] b = s.bbox();
            if (b[1] < b[0] || b[3] < b[2] || b[5] < b[4])
                throw new XtalException("column '" + column + "' shoebox " + i + ": bbox " + java.util.Arrays.toString(b)
                        + " is not x0<=x1, y0<=y1, z0<=z1");
            out.putInt(s.panel());
            for (int v : b) out.putInt(v);
            if (!s.isAllocated()) { out.put((byte) 0); continue; }
            int n = s.data().length;
            if (n != s.volume() || (s.mask().length != 0 && s.mask().length != n) || (s.background().length != 0 && s.background().length != n))
                throw new XtalException("column '" + column + "' shoebox " + i + ": " + n + " data, " + s.mask().length
                        + " mask and " + s.background().length + " background values for a bbox of " + s.volume() + " pixels");
            out.put((byte) 1);
            out.asFloatBuffer().put(s.data());
            out.position(out.position() + 4 * n);
            // A shoebox without mask or background is written with zeros there, as DIALS allocates them.
            if (s.mask().length == n) out.asIntBuffer().put(s.mask());
            else for (int k = 0; k < n; k++) out.putInt(out.position() + 4 * k, 0);
            out.position(out.position() + 4 * n);
            if (s.background().length == n) out.asFloatBuffer().put(s.background());
            else for (int k = 0; k < n; k++) out.putFloat(out.position() + 4 * k, 0f);
            out.position(out.position() + 4 * n);
        }
    }
}
