package org.xtalkit.io.image.smv;

import org.xtalkit.XtalException;
import org.xtalkit.io.image.ImageFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text header of an SMV image ("{\nHEADER_BYTES=  512;\nKEY=value;\n...}"), then uint16 pixels.
 *
 * @param file   the file, for messages
 * @param size   header length in bytes (where the pixels start)
 * @param values the KEY=value pairs
 */
public record SmvHeader(Path file, int size, Map<String, String> values) {

    /** Real headers are 512 bytes to a few kB; anything claiming more than this is corrupt. */
    static final int MAX_HEADER = 1 << 20;

    static boolean isSmv(Path file) {
        byte[] b = ImageFiles.head(file, 15);
        return new String(b, StandardCharsets.US_ASCII).equals("{\nHEADER_BYTES=");
    }

    static SmvHeader read(Path file) {
        try (InputStream in = ImageFiles.open(file)) {
            byte[] first = in.readNBytes(45);
            String start = new String(first, StandardCharsets.US_ASCII);
            if (!start.startsWith("{\nHEADER_BYTES=")) throw XtalException.badFile(file, "is not an SMV image (no HEADER_BYTES)");
            String[] lines = start.split("\n");
            int size;
            try {
                size = Integer.parseInt(lines[1].split("=")[1].replace(";", "").trim());
            } catch (RuntimeException e) {
                throw XtalException.badFile(file, "SMV HEADER_BYTES is not a number");
            }
            if (size < 45 || size > MAX_HEADER)
                throw XtalException.badFile(file, "SMV header claims HEADER_BYTES=" + size + " (expected 45.." + MAX_HEADER + ")");
            byte[] rest = in.readNBytes(size - first.length);
            String text = start + new String(rest, StandardCharsets.US_ASCII);
            Map<String, String> v = new LinkedHashMap<>();
            for (String record : text.split("\n")) {
                if (record.equals("}")) break;
                int eq = record.indexOf('=');
                if (eq < 0) continue;
                v.put(record.substring(0, eq).trim(), record.substring(eq + 1).replace(";", "").trim());
            }
            return new SmvHeader(file, size, Map.copyOf(v));
        } catch (IOException e) {
            throw XtalException.badFile(file, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    public boolean has(String key) { return values.containsKey(key); }

    public double number(String key) {
        String s = values.get(key);
        if (s == null) throw XtalException.badFile(file, "SMV header has no " + key);
        try {
            return Double.parseDouble(s.trim().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            throw XtalException.badFile(file, "SMV header " + key + "=" + s + " is not a number");
        }
    }

    public double number(String key, double fallback) { return has(key) ? number(key) : fallback; }

    public int size(String key) {
        double v = number(key);
        if (v < 1 || v > 1 << 16 || v != Math.rint(v))
            throw XtalException.badFile(file, "SMV header " + key + "=" + values.get(key) + " is not an image size (1..65536)");
        return (int) v;
    }

    /** The uint16 pixels (fast = SIZE1, slow = SIZE2) in the header's BYTE_ORDER, widened to int. */
    int[] pixels(int fast, int slow) {
        boolean big = "big_endian".equals(values.get("BYTE_ORDER"));
        long n = (long) fast * slow;
        try (InputStream in = ImageFiles.open(file)) {
            in.skipNBytes(size);
            byte[] b = in.readNBytes((int) (2 * n));
            if (b.length < 2 * n)
                throw XtalException.badFile(file, "is truncated: " + b.length + " pixel bytes, the header needs " + 2 * n);
            int[] out = new int[(int) n];
            for (int i = 0, p = 0; i < out.length; i++, p += 2)
                out[i] = big ? (b[p] & 0xff) << 8 | (b[p + 1] & 0xff) : (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
            return out;
        } catch (IOException e) {
            throw XtalException.badFile(file, "is truncated (" + e.getMessage() + ")", e);
        }
    }
}
