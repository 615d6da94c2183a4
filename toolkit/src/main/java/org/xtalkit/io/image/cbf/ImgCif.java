package org.xtalkit.io.image.cbf;

import org.xtalkit.XtalException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The imgCIF categories of a full CBF header, as tables: category -> rows of item -> value.
 * A single {@code _cat.item value} makes a one-row table; {@code loop_} blocks make one row per
 * line of values. Quoted strings and ';' text fields are single values; '#' starts a comment.
 */
public final class ImgCif {
    private final Path file;
    private final Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();

    private ImgCif(Path file) { this.file = file; }

    /** Parses the CIF text before the binary data (the MIME section is ignored). */
    public static ImgCif parse(Path file, String header) {
        ImgCif cif = new ImgCif(file);
        int cut = header.indexOf("--CIF-BINARY-FORMAT-SECTION--");
        cif.read(tokens(cut < 0 ? header : header.substring(0, cut)));
        return cif;
    }

    public boolean has(String category) { return tables.containsKey(category); }

    /** The rows of a category (empty when absent). */
    public List<Map<String, String>> rows(String category) { return tables.getOrDefault(category, List.of()); }

    /** The value of an item in the first row of a category, or null. */
    public String value(String category, String item) {
        List<Map<String, String>> r = rows(category);
        return r.isEmpty() ? null : r.get(0).get(item);
    }

    /** The first row whose {@code key} item equals {@code value}, or null. */
    public Map<String, String> row(String category, String key, String value) {
        for (Map<String, String> r : rows(category)) if (value.equals(r.get(key))) return r;
        return null;
    }

    /** A numeric item; '.' and '?' (CIF's "not applicable"/"unknown") read as {@code fallback}. */
    public double number(Map<String, String> row, String item, double fallback) {
        String v = row == null ? null : row.get(item);
        if (v == null || v.equals(".") || v.equals("?")) return fallback;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw XtalException.badFile(file, "imgCIF item " + item + " = '" + v + "' is not a number");
        }
    }

    private void read(List<String> tok) {
        int i = 0;
        while (i < tok.size()) {
            String t = tok.get(i);
            if (t.equalsIgnoreCase("loop_")) {
                i++;
                List<String> items = new ArrayList<>();
                while (i < tok.size() && tok.get(i).startsWith("_")) items.add(tok.get(i++));
                if (items.isEmpty()) continue;
                String cat = category(items.get(0));
                List<Map<String, String>> rows = tables.computeIfAbsent(cat, k -> new ArrayList<>());
                while (i + items.size() <= tok.size() && !isKeyword(tok.get(i))) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (String item : items) row.put(itemName(item), tok.get(i++));
                    rows.add(row);
                }
                // a loop cut short at the end of the header (e.g. array_data) is dropped
                while (i < tok.size() && !isKeyword(tok.get(i))) i++;
            } else if (t.startsWith("_")) {
                String cat = category(t);
                String value = i + 1 < tok.size() && !isKeyword(tok.get(i + 1)) ? tok.get(i + 1) : null;
                List<Map<String, String>> rows = tables.computeIfAbsent(cat, k -> new ArrayList<>());
                if (rows.isEmpty()) rows.add(new LinkedHashMap<>());
                if (value != null) rows.get(0).put(itemName(t), value);
                i += value == null ? 1 : 2;
            } else {
                i++;   // data_ block names and stray words
            }
        }
    }

    private static boolean isKeyword(String t) {
        return t.startsWith("_") || t.equalsIgnoreCase("loop_") || t.startsWith("data_");
    }

    private static String category(String item) {
        int dot = item.indexOf('.');
        return (dot < 0 ? item.substring(1) : item.substring(1, dot)).toLowerCase();
    }

    private static String itemName(String item) {
        int dot = item.indexOf('.');
        return dot < 0 ? item.substring(1) : item.substring(dot + 1);
    }

    /** CIF tokens: words, quoted strings, ';' text fields; comments dropped. */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l];
            if (line.startsWith(";")) {
                StringBuilder sb = new StringBuilder(line.substring(1));
                while (++l < lines.length && !lines[l].startsWith(";")) sb.append('\n').append(lines[l]);
                out.add(sb.toString());
                continue;
            }
            int i = 0, n = line.length();
            while (i < n) {
                char c = line.charAt(i);
                if (Character.isWhitespace(c)) { i++; continue; }
                if (c == '#') break;
                if (c == '\'' || c == '"') {
                    int j = i + 1;
                    while (j < n && !(line.charAt(j) == c && (j + 1 == n || Character.isWhitespace(line.charAt(j + 1))))) j++;
                    out.add(line.substring(i + 1, Math.min(j, n)));
                    i = j + 1;
                } else {
                    int j = i;
                    while (j < n && !Character.isWhitespace(line.charAt(j))) j++;
                    out.add(line.substring(i, j));
                    i = j;
                }
            }
        }
        return out;
    }
}
