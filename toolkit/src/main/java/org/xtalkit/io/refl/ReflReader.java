package org.xtalkit.io.refl;

import org.xtalkit.XtalException;
import org.xtalkit.table.Column;
import org.xtalkit.table.ColumnType;
import org.xtalkit.table.ReflectionTable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a DIALS reflection file (.refl, msgpack), the layout of DIALS'
 * reflection_table_msgpack_adapter.h:
 * <pre>
 * ["dials::af::reflection_table", 1,
 *  {"identifiers": {id: "identifier", ...},
 *   "nrows": N,
 *   "data": {"column name": ["type name", [N, bin]], ...}}]
 * </pre>
 * Columns keep the file's order (DIALS writes them sorted by name). Older DIALS wrote Python pickles
 * of the table; those are read too ({@link ReflPickle}), as DIALS' from_file does. Anything else is an
 * {@link XtalException} naming the file and what was expected.
 */
public final class ReflReader {
    private ReflReader() {}

    static final String FILE_TYPE = "dials::af::reflection_table";
    static final int VERSION = 1;

    public static ReflectionTable read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw XtalException.badFile(file, "no such file, expected a DIALS reflection file (.refl)", e);
        } catch (IOException e) {
            throw XtalException.badFile(file, "cannot read: " + e, e);
        }
        return read(bytes, file);
    }

    /** Reads a table from the bytes of a .refl file; {@code source} names it in messages. */
    public static ReflectionTable read(byte[] bytes, Object source) {
        if (bytes.length == 0) throw XtalException.badFile(source, "empty file, expected a DIALS reflection table (msgpack)");
        if ((bytes[0] & 0xff) == 0x80) return ReflPickle.read(bytes, source);   // older DIALS: a Python pickle
        MsgpackInput in = new MsgpackInput(bytes, source);
        String layout = "the DIALS reflection table layout [\"" + FILE_TYPE + "\", 1, {identifiers, nrows, data}]";
        if (in.readArrayHeader(layout) != 3) throw in.error("expected " + layout + ", found an array of another length");
        String type = in.readString("the file type \"" + FILE_TYPE + "\"");
        if (!type.equals(FILE_TYPE)) throw in.error("file type '" + type + "', expected '" + FILE_TYPE + "'");
        long version = in.readInteger("the reflection table version");
        if (version != VERSION) throw in.error("reflection table version " + version + ", expected " + VERSION);

        long nrows = -1;
        Map<Integer, String> identifiers = new TreeMap<>();
        Map<String, Column> columns = new LinkedHashMap<>();
        int entries = in.readMapHeader("the table header {identifiers, nrows, data}");
        for (int e = 0; e < entries; e++) {
            String key = in.readString("a table header key");
            switch (key) {
                case "nrows" -> nrows = in.readInteger("nrows");
                case "identifiers" -> readIdentifiers(in, identifiers);
                case "data" -> readColumns(in, columns);
                default -> throw in.error("unknown table header key '" + key + "', expected identifiers, nrows or data");
            }
        }
        if (!in.atEnd()) throw in.error("unexpected bytes after the reflection table at byte " + in.position());
        if (nrows < 0) throw in.error("no 'nrows' in the table header");
        if (nrows > Integer.MAX_VALUE) throw in.error("nrows " + nrows + " is more than a table can hold");

        ReflectionTable t = new ReflectionTable((int) nrows);
        for (Map.Entry<String, Column> c : columns.entrySet()) {
            if (c.getValue().size() != nrows)
                throw in.error("column '" + c.getKey() + "' has " + c.getValue().size() + " rows, the table " + nrows);
            t.put(c.getKey(), c.getValue());
        }
        identifiers.forEach(t::setIdentifier);
        return t;
    }

    private static void readIdentifiers(MsgpackInput in, Map<Integer, String> out) {
        int n = in.readMapHeader("the experiment identifiers {id: identifier}");
        for (int i = 0; i < n; i++) {
            long id = in.readInteger("an experiment id");
            if (id < Integer.MIN_VALUE || id > Integer.MAX_VALUE) throw in.error("experiment id " + id + " out of range");
            out.put((int) id, in.readString("the identifier of experiment " + id));
        }
    }

    private static void readColumns(MsgpackInput in, Map<String, Column> out) {
        int n = in.readMapHeader("the column map {name: [type, [rows, data]]}");
        for (int i = 0; i < n; i++) {
            String name = in.readString("a column name");
            if (in.readArrayHeader("column '" + name + "' as [type, [rows, data]]") != 2)
                throw in.error("column '" + name + "' is not [type, [rows, data]]");
            String typeName = in.readString("the type of column '" + name + "'");
            ColumnType type = ColumnType.fromDialsName(typeName);
            if (type == null)
                throw in.error("column '" + name + "' has unknown type '" + typeName + "', expected one of "
                        + Arrays.stream(ColumnType.values()).map(t -> t.dialsName).toList());
            if (in.readArrayHeader("column '" + name + "' data as [rows, data]") != 2)
                throw in.error("column '" + name + "' data is not [rows, data]");
            long rows = in.readInteger("the row count of column '" + name + "'");
            if (rows < 0 || rows > Integer.MAX_VALUE) throw in.error("column '" + name + "' claims " + rows + " rows");
            ByteBuffer payload = in.readBin("the data of column '" + name + "'");
            out.put(name, ColumnCodec.decode(type, (int) rows, payload, in, name));
        }
    }
}
