package org.xtalkit.io.image.cbf;

import org.xtalkit.XtalException;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Pilatus-style '#' header lines of a CBF ("# Wavelength 0.97625 A") as the dictionary
 * dxtbx's FormatCBFMini builds: key = the first word after '#' (':' and '=' removed), value = the
 * rest; the date line is kept as "timestamp"; the MIME lines of the binary section are added too.
 *
 * @param file   the file, for messages
 * @param text   the whole header text (for checks on its raw lines)
 * @param values the dictionary
 */
public record MiniCbfHeader(Path file, String text, Map<String, String> values) {

    public static MiniCbfHeader parse(Path file, String header) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String record : header.split("\r?\n")) {
            if (!record.startsWith("#")) continue;
            String body = record.substring(1);
            if (body.trim().split("\\s+").length <= 2 && body.chars().filter(c -> c == ':').count() == 2) {
                v.put("timestamp", body.trim());
                continue;
            }
            String[] tokens = record.replace("=", "").replace(":", "").trim().split("\\s+");
            if (tokens.length < 2) continue;
            v.put(tokens[1], String.join(" ", java.util.Arrays.copyOfRange(tokens, 2, tokens.length)));
        }
        v.putAll(CbfReader.mime(header));
        return new MiniCbfHeader(file, header, Map.copyOf(v));
    }

    public boolean has(String key) { return values.containsKey(key); }

    public String get(String key) {
        String s = values.get(key);
        if (s == null) throw XtalException.badFile(file, "CBF header has no '" + key + "' line");
        return s;
    }

    /** The first number of a value ("0.97625 A" -> 0.97625). */
    public double number(String key) { return parse(key, get(key).trim().split("\\s+")[0]); }

    /** The first number of a value, or {@code fallback} when the key is absent. */
    public double number(String key, double fallback) { return has(key) ? number(key) : fallback; }

    /** The two numbers of a pair such as "Beam_xy (1229.30, 1200.48) pixels" or "Pixel_size 172e-6 m x 172e-6 m". */
    public double[] pair(String key) {
        String s = get(key).replace("(", " ").replace(")", " ").replace(",", " ");
        if (key.equals("Pixel_size")) s = s.replace("m", " ").replace("x", " ");
        String[] t = s.trim().split("\\s+");
        if (t.length < 2) throw XtalException.badFile(file, "CBF header " + key + " '" + get(key) + "' is not a pair of numbers");
        return new double[] {parse(key, t[0]), parse(key, t[1])};
    }

    private double parse(String key, String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw XtalException.badFile(file, "CBF header " + key + " '" + values.get(key) + "' is not a number");
        }
    }

    /** Seconds since the Unix epoch of the date line (0 when there is none), as get_pilatus_timestamp. */
    public double timestamp() {
        String t = values.get("timestamp");
        return t == null ? 0.0 : epoch(file, t);
    }

    private static final DateTimeFormatter[] DATE_FORMATS = {
        DateTimeFormatter.ofPattern("yyyy-MMM-dd'T'HH:mm:ss", Locale.ENGLISH),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ENGLISH),
        DateTimeFormatter.ofPattern("yyyy/MMM/dd HH:mm:ss", Locale.ENGLISH),
    };

    /** "2017-11-23T15:23:41.880" (UTC) -> seconds since the epoch, fractional part kept as written. */
    static double epoch(Path file, String stamp) {
        String whole = stamp, frac = "0";
        int dot = stamp.indexOf('.');
        if (dot >= 0) { whole = stamp.substring(0, dot); frac = stamp.substring(dot + 1); }
        for (DateTimeFormatter f : DATE_FORMATS) {
            try {
                long s = LocalDateTime.parse(whole, f).toEpochSecond(ZoneOffset.UTC);
                return s + Double.parseDouble("0." + frac);
            } catch (DateTimeParseException | NumberFormatException e) {
                // try the next layout, as dxtbx does
            }
        }
        throw XtalException.badFile(file, "timestamp '" + stamp + "' not recognised");
    }
}
