package org.xtalkit.io.image.cbf;

import org.xtalkit.XtalException;
import org.xtalkit.io.image.ImageFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads CBF files (plain, .gz or .bz2): the text header, then the binary section whose MIME header
 * is checked before the packed bytes are allocated, decoded straight into an int[].
 */
public final class CbfReader {
    private CbfReader() {}

    /** The four bytes that start the binary data of a CBF binary section. */
    private static final byte[] START = {0x0C, 0x1A, 0x04, (byte) 0xD5};
    private static final String MARKER = "--CIF-BINARY-FORMAT-SECTION--";
    /** Real headers are a few kB; a file with no binary section within this is not an image. */
    static final int MAX_HEADER = 4 << 20;

    /** A decoded image: fast × slow pixels, slow-major. */
    public record Pixels(int fast, int slow, int[] data) {}

    /** What was read up to the binary start tag, and the bytes already read past it. */
    private record Head(String text, byte[] buf, int dataStart, int len, boolean hasBinary) {}

    /** True when the file starts with the CBF magic "###CBF". */
    public static boolean isCbf(Path file) {
        byte[] b = ImageFiles.head(file, 6);
        return new String(b, StandardCharsets.US_ASCII).equals("###CBF");
    }

    /** The header text: everything before the binary data (CIF items, '#' lines and the MIME header). */
    public static String header(Path file) {
        try (InputStream in = ImageFiles.open(file)) {
            return readHead(file, in).text;
        } catch (IOException e) {
            throw XtalException.badFile(file, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads and decodes the image. */
    public static Pixels read(Path file) {
        try (InputStream in = ImageFiles.open(file)) {
            Head head = readHead(file, in);
            if (!head.hasBinary)
                throw XtalException.badFile(file, "has no CBF binary section (truncated header?)");
            CbfBinary bin = CbfBinary.of(file, mime(head.text));
            if (!ImageFiles.isCompressed(file)) {
                long available = Files.size(file) - head.dataStart;
                if (available < bin.size())
                    throw XtalException.badFile(file, "is truncated: the CBF header claims " + bin.size()
                            + " binary bytes but only " + available + " follow");
            }
            byte[] packed = new byte[bin.size()];
            int have = Math.min(head.len - head.dataStart, packed.length);
            System.arraycopy(head.buf, head.dataStart, packed, 0, have);
            int got = have + in.readNBytes(packed, have, packed.length - have);
            if (got < packed.length)
                throw XtalException.badFile(file, "is truncated: the CBF header claims " + bin.size()
                        + " binary bytes but only " + got + " follow");
            int[] data = new int[bin.elements()];
            decode(file, bin, packed, data);
            return new Pixels(bin.fast(), bin.slow(), data);
        } catch (IOException e) {
            throw XtalException.badFile(file, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static void decode(Path file, CbfBinary bin, byte[] packed, int[] data) {
        if (!bin.byteOffset()) {
            if (packed.length < 4L * data.length)
                throw XtalException.badFile(file, "is truncated: " + packed.length + " bytes for " + data.length + " pixels");
            for (int i = 0, p = 0; i < data.length; i++, p += 4)
                data[i] = (packed[p] & 0xff) | (packed[p + 1] & 0xff) << 8 | (packed[p + 2] & 0xff) << 16 | packed[p + 3] << 24;
            return;
        }
        try {
            ByteOffset.decode(packed, 0, packed.length, data);
        } catch (ByteOffset.TruncatedException e) {
            throw XtalException.badFile(file, "is corrupt or truncated: byte-offset " + e.getMessage());
        }
    }

    private static Head readHead(Path file, InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        int len = 0, searched = 0;
        while (true) {
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) break;
            len += n;
            if (len >= 6 && searched == 0 && !new String(buf, 0, 6, StandardCharsets.US_ASCII).equals("###CBF"))
                throw XtalException.badFile(file, "is not a CBF file (it does not start with ###CBF)");
            int tag = indexOf(buf, Math.max(0, searched - 3), len);
            if (tag >= 0) return new Head(new String(buf, 0, tag, StandardCharsets.ISO_8859_1), buf, tag + 4, len, true);
            searched = len;
            if (len == buf.length) {
                if (buf.length >= MAX_HEADER)
                    throw XtalException.badFile(file, "has no CBF binary section within its first " + MAX_HEADER + " bytes");
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
        }
        if (len < 6 || !new String(buf, 0, 6, StandardCharsets.US_ASCII).equals("###CBF"))
            throw XtalException.badFile(file, "is not a CBF file (it does not start with ###CBF)");
        return new Head(new String(buf, 0, len, StandardCharsets.ISO_8859_1), buf, len, len, false);
    }

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i + 3 < to; i++)
            if (b[i] == START[0] && b[i + 1] == START[1] && b[i + 2] == START[2] && b[i + 3] == START[3]) return i;
        return -1;
    }

    /** The "Key: value" and "key=value" lines after the binary-section marker. */
    static Map<String, String> mime(String header) {
        Map<String, String> m = new LinkedHashMap<>();
        int at = header.lastIndexOf(MARKER);
        if (at < 0) return m;
        for (String line : header.substring(at + MARKER.length()).split("\r?\n")) {
            String t = line.trim();
            int colon = t.indexOf(':'), eq = t.indexOf('=');
            if (colon > 0 && (eq < 0 || colon < eq)) m.put(t.substring(0, colon).trim(), t.substring(colon + 1).trim());
            else if (eq > 0) m.put(t.substring(0, eq).trim(), t.substring(eq + 1).trim().replace("\"", ""));
        }
        return m;
    }
}
