package org.xtalkit.io.refl;

import org.xtalkit.io.AtomicWrite;
import org.xtalkit.table.Column;
import org.xtalkit.table.ColumnType;
import org.xtalkit.table.DialsNumberFormat;
import org.xtalkit.table.ReflectionTable;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A reflection table as CSV, with the conventions of the DIALS reference CSVs (shared/reference
 * tools/refl2csv.py): every column but shoeboxes, sorted by name; vectors expanded as name.x/.y/.z
 * (vec3), name.h/.k/.l (miller index), name.x0,.x1,.y0,.y1,.z0,.z1 (int6), name.0/.1 (vec2),
 * name.0..8 (mat3, row-major); bool as 0/1; flags as the raw integer; doubles as C's {@code %.17g}
 * (exact round trip); rows end in CRLF as Python's csv module writes them.
 */
public final class ReflCsv {
    private ReflCsv() {}

    public static void write(ReflectionTable table, Path file) {
        AtomicWrite.write(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            write(table, w);
            w.flush();
        });
    }

    public static String toCsv(ReflectionTable table) {
        StringWriter sw = new StringWriter();
        try {
            write(table, sw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a StringWriter does not fail
        }
        return sw.toString();
    }

    public static void write(ReflectionTable table, Writer w) throws IOException {
        write(table, w, DialsNumberFormat::g17);
    }

    /** With another text for doubles (tests compare large tables through the faster Double.toString). */
    static void write(ReflectionTable table, Writer w, java.util.function.DoubleFunction<String> doubles) throws IOException {
        List<String> names = new ArrayList<>(table.columnNames());
        names.sort(null);
        List<String> header = new ArrayList<>();
        List<Column> cols = new ArrayList<>();
        List<Integer> parts = new ArrayList<>();
        for (String n : names) {
            Column c = table.column(n);
            if (c.type() == ColumnType.SHOEBOX) continue;
            String[] suffixes = suffixes(c.type());
            for (int p = 0; p < suffixes.length; p++) {
                header.add(suffixes[p].isEmpty() ? n : n + "." + suffixes[p]);
                cols.add(c);
                parts.add(p);
            }
        }
        StringBuilder line = new StringBuilder(256);
        for (int j = 0; j < header.size(); j++) {
            if (j > 0) line.append(',');
            field(line, header.get(j));
        }
        w.write(line.append("\r\n").toString());
        for (int i = 0; i < table.size(); i++) {
            line.setLength(0);
            for (int j = 0; j < cols.size(); j++) {
                if (j > 0) line.append(',');
                Column c = cols.get(j);
                int k = i * c.type().width + parts.get(j);
                switch (c.type()) {
                    case INT, INT6, MILLER -> line.append(((int[]) c.data())[k]);
                    case SIZE_T -> line.append(Long.toUnsignedString(((long[]) c.data())[k]));
                    case DOUBLE, VEC2, VEC3, MAT3 -> line.append(doubles.apply(((double[]) c.data())[k]));
                    case BOOL -> line.append(((boolean[]) c.data())[k] ? '1' : '0');
                    case STRING -> field(line, ((String[]) c.data())[k]);
                    case SHOEBOX -> throw new IllegalStateException("shoeboxes are not written");
                }
            }
            w.write(line.append("\r\n").toString());
        }
    }

    private static String[] suffixes(ColumnType t) {
        return switch (t) {
            case VEC3 -> new String[] {"x", "y", "z"};
            case MILLER -> new String[] {"h", "k", "l"};
            case INT6 -> new String[] {"x0", "x1", "y0", "y1", "z0", "z1"};
            case VEC2 -> new String[] {"0", "1"};
            case MAT3 -> new String[] {"0", "1", "2", "3", "4", "5", "6", "7", "8"};
            default -> new String[] {""};
        };
    }

    /** Python csv's minimal quoting. */
    private static void field(StringBuilder sb, String s) {
        if (s == null) return;
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0) { sb.append(s); return; }
        sb.append('"').append(s.replace("\"", "\"\"")).append('"');
    }
}
