package org.xtalkit.io.refl;

import org.xtalkit.XtalException;
import org.xtalkit.io.AtomicWrite;
import org.xtalkit.table.Column;
import org.xtalkit.table.ReflectionTable;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes a reflection table as a DIALS .refl file (the layout {@link ReflReader} reads), the way
 * DIALS writes it: columns sorted by name (DIALS keeps them in a std::map), identifiers by id,
 * shortest msgpack headers. A file DIALS wrote and xtalkit read is written back byte for byte.
 */
public final class ReflWriter {
    private ReflWriter() {}

    /** Writes atomically: a temporary file in the same directory renamed over {@code file}. */
    public static void write(ReflectionTable table, Path file) {
        byte[] bytes;
        try {
            bytes = toBytes(table);
        } catch (XtalException e) {
            throw XtalException.badFile(file, e.getMessage(), e);
        }
        AtomicWrite.write(file, bytes);
    }

    /** The bytes of the .refl file for a table. */
    public static byte[] toBytes(ReflectionTable table) {
        List<String> names = table.columnOrder();
        // std::map<std::string, ...> order: unsigned bytes.
        names.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        long total = 256;
        for (String n : names) total += 64 + n.length() + ColumnCodec.encodedBytes(table.column(n));
        if (total > Integer.MAX_VALUE - 8)
            throw new XtalException("reflection table of " + total + " bytes is too large for one .refl file");
        MsgpackOutput out = new MsgpackOutput((int) total);
        out.arrayHeader(3);
        out.string(ReflReader.FILE_TYPE);
        out.integer(ReflReader.VERSION);
        out.mapHeader(3);
        out.string("identifiers");
        Map<Integer, String> ids = table.experimentIdentifiers();
        out.mapHeader(ids.size());
        ids.forEach((id, identifier) -> { out.integer(id); out.string(identifier); });
        out.string("nrows");
        out.integer(table.size());
        out.string("data");
        out.mapHeader(names.size());
        for (String n : names) {
            Column c = table.column(n);
            out.string(n);
            out.arrayHeader(2);
            out.string(c.type().dialsName);
            out.arrayHeader(2);
            out.integer(c.size());
            long bytes = ColumnCodec.encodedBytes(c);
            if (bytes > Integer.MAX_VALUE) throw new XtalException("column '" + n + "' of " + bytes + " bytes is too large for a .refl file");
            ByteBuffer window = out.bin((int) bytes);
            ColumnCodec.encode(c, window, n);
        }
        return out.toByteArray();
    }
}
