package org.xtalkit.io.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * File-name templates as dxtbx writes them ("insulin_1_###.img"): the image number is the last run
 * of digits before the extension, recognised with dxtbx's patterns (scan_helpers.template_regex), so
 * that templates and image numbers are the ones DIALS would give.
 *
 * @param template  the file name with the image number's digits replaced by '#'
 * @param number    the image number of the file the template was made from
 */
public record Template(String template, int number) {

    // dxtbx matches these on the reversed file name: the digits nearest the end win
    private static final Pattern[] REVERSED = {
        Pattern.compile("([0-9]{2,12})\\.(.*)"),
        Pattern.compile("(.*)\\.([0-9]{2,12})_(.*)"),
        Pattern.compile("(.*)\\.([0-9]{2,12})(.*)"),
        Pattern.compile("(.*)\\.([0-9]{1})(.*)"),
    };
    private static final String[] JOINERS = {".", "_", "", ""};

    /** The template and image number of a file name (no directory), or null when it has no number. */
    public static Template of(String fileName) {
        String r = new StringBuilder(fileName).reverse().toString();
        for (int j = 0; j < REVERSED.length; j++) {
            Matcher m = REVERSED[j].matcher(r);
            if (!m.matches()) continue;
            String ext, digits, prefix;
            if (m.groupCount() == 3) {
                ext = "." + reverse(m.group(1));
                digits = reverse(m.group(2));
                prefix = reverse(m.group(3)) + JOINERS[j];
            } else {
                ext = "";
                digits = reverse(m.group(1));
                prefix = reverse(m.group(2)) + JOINERS[j];
            }
            return new Template(prefix + "#".repeat(digits.length()) + ext, Integer.parseInt(digits));
        }
        return null;
    }

    /** The image number of a file (1 when its name has none, as for a single HDF5 file). */
    public static int imageNumber(Path file) {
        Template t = of(file.getFileName().toString());
        return t == null ? 1 : t.number();
    }

    /** The file name of image {@code number} in a template. */
    public static String fileName(String template, int number) {
        int first = template.indexOf('#'), last = template.lastIndexOf('#');
        if (first < 0) return template;
        int width = last - first + 1;
        String digits = String.format("%0" + width + "d", number);
        if (digits.length() > width)
            throw new IllegalArgumentException("image number " + number + " does not fit the template " + template);
        return template.substring(0, first) + digits + template.substring(last + 1);
    }

    /** Image numbers of the files in {@code dir} that match the template (a file name with '#'), sorted. */
    public static List<Integer> matching(Path dir, String template) {
        int first = template.indexOf('#'), last = template.lastIndexOf('#');
        if (first < 0) return Files.exists(dir.resolve(template)) ? List.of(1) : List.of();
        Pattern p = Pattern.compile(Pattern.quote(template.substring(0, first)) + "([0-9]{" + (last - first + 1) + "})"
                + Pattern.quote(template.substring(last + 1)));
        TreeMap<Integer, String> found = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(f -> {
                Matcher m = p.matcher(f.getFileName().toString());
                if (m.matches()) found.put(Integer.parseInt(m.group(1)), f.toString());
            });
        } catch (IOException e) {
            return List.of();
        }
        return new ArrayList<>(found.keySet());
    }

    private static String reverse(String s) { return new StringBuilder(s).reverse().toString(); }
}
