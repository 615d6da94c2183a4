package org.xtalkit.io.image.cbf;

import org.xtalkit.XtalException;

import java.nio.file.Path;
import java.util.Map;

/**
 * The MIME header of a CBF binary section: what the pixels are and how they are packed. Checked
 * against sane limits before anything is allocated, so a corrupt header cannot claim gigabytes.
 *
 * @param fast        pixels along the fast dimension
 * @param slow        pixels along the slow dimension
 * @param size        packed bytes (X-Binary-Size)
 * @param byteOffset  true for x-CBF_BYTE_OFFSET, false for x-CBF_NONE (raw little-endian int32)
 */
public record CbfBinary(int fast, int slow, int size, boolean byteOffset) {

    /** Larger than any detector built (a 16M Eiger has 18 M pixels): beyond it a header is corrupt. */
    static final long MAX_PIXELS = 1L << 28;

    public int elements() { return fast * slow; }

    /** Reads and checks the X-Binary-* fields of a parsed MIME header. */
    static CbfBinary of(Path file, Map<String, String> mime) {
        String conversions = mime.getOrDefault("conversions", mime.getOrDefault("Content-Type", ""));
        boolean byteOffset = conversions.contains("x-CBF_BYTE_OFFSET");
        if (!byteOffset && !conversions.contains("x-CBF_NONE"))
            throw XtalException.badFile(file, "unsupported CBF compression '" + conversions.trim()
                    + "' (expected x-CBF_BYTE_OFFSET or x-CBF_NONE)");
        String type = mime.getOrDefault("X-Binary-Element-Type", "\"signed 32-bit integer\"");
        if (!type.contains("32-bit integer"))
            throw XtalException.badFile(file, "unsupported CBF element type " + type + " (expected a 32-bit integer)");
        long fast = number(file, mime, "X-Binary-Size-Fastest-Dimension");
        long slow = number(file, mime, "X-Binary-Size-Second-Dimension");
        long elements = number(file, mime, "X-Binary-Number-of-Elements");
        long size = number(file, mime, "X-Binary-Size");
        if (fast <= 0 || slow <= 0 || fast * slow > MAX_PIXELS)
            throw XtalException.badFile(file, "CBF header claims an image of " + fast + " x " + slow
                    + " pixels (expected at most " + MAX_PIXELS + " pixels)");
        if (elements != fast * slow)
            throw XtalException.badFile(file, "CBF header claims " + elements + " elements for a " + fast + " x "
                    + slow + " image");
        long maxPacked = byteOffset ? 15 * elements + 16 : 4 * elements + 16;
        if (size <= 0 || size > maxPacked || size > Integer.MAX_VALUE - 64)
            throw XtalException.badFile(file, "CBF header claims " + size + " binary bytes for " + elements
                    + " pixels (expected 1.." + maxPacked + ")");
        return new CbfBinary((int) fast, (int) slow, (int) size, byteOffset);
    }

    private static long number(Path file, Map<String, String> mime, String key) {
        String v = mime.get(key);
        if (v == null) throw XtalException.badFile(file, "CBF binary header has no " + key);
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw XtalException.badFile(file, "CBF binary header " + key + " = '" + v + "' is not an integer");
        }
    }
}
