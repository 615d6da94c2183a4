package org.xtalkit.io.image.cbf;

import org.xtalkit.io.AtomicWrite;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Writes a miniCBF: the '#' header lines given (Pilatus convention, as FormatCBFMini reads them) and
 * the pixels byte-offset compressed, in the MIME layout CBFlib writes. Atomic (temporary file, rename).
 */
public final class MiniCbfWriter {
    private MiniCbfWriter() {}

    /**
     * @param headerLines the Pilatus header, one "# Key value" per line (e.g. "# Wavelength 0.9795 A")
     * @param convention  _array_data.header_convention, e.g. "PILATUS_1.2" or "GENERIC_MINI"
     */
    public static void write(Path file, String convention, String headerLines, int fast, int slow, int[] pixels) {
        if (pixels.length != fast * slow)
            throw new IllegalArgumentException(pixels.length + " pixels for a " + fast + " x " + slow + " image");
        byte[] packed = ByteOffset.encode(pixels);
        String md5;
        try {
            md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(packed));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String name = file.getFileName().toString().replaceFirst("\\.cbf$", "");
        StringBuilder h = new StringBuilder();
        h.append("###CBF: VERSION 1.5, xtalkit\r\n\r\ndata_").append(name).append("\r\n\r\n");
        h.append("_array_data.header_convention \"").append(convention).append("\"\r\n");
        h.append("_array_data.header_contents\r\n;\r\n");
        for (String line : headerLines.split("\r?\n")) if (!line.isBlank()) h.append(line.strip()).append("\r\n");
        h.append(";\r\n\r\n_array_data.data\r\n;\r\n--CIF-BINARY-FORMAT-SECTION--\r\n");
        h.append("Content-Type: application/octet-stream;\r\n     conversions=\"x-CBF_BYTE_OFFSET\"\r\n");
        h.append("Content-Transfer-Encoding: BINARY\r\n");
        h.append("X-Binary-Size: ").append(packed.length).append("\r\n");
        h.append("X-Binary-ID: 1\r\nX-Binary-Element-Type: \"signed 32-bit integer\"\r\n");
        h.append("X-Binary-Element-Byte-Order: LITTLE_ENDIAN\r\n");
        h.append("Content-MD5: ").append(md5).append("\r\n");
        h.append("X-Binary-Number-of-Elements: ").append(pixels.length).append("\r\n");
        h.append("X-Binary-Size-Fastest-Dimension: ").append(fast).append("\r\n");
        h.append("X-Binary-Size-Second-Dimension: ").append(slow).append("\r\n");
        h.append("X-Binary-Size-Padding: 4095\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(h.length() + packed.length + 4200);
        out.writeBytes(h.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {0x0C, 0x1A, 0x04, (byte) 0xD5});
        out.writeBytes(packed);
        out.writeBytes(new byte[4095]);
        out.writeBytes("\r\n--CIF-BINARY-FORMAT-SECTION----\r\n;\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        AtomicWrite.write(file, out.toByteArray());
    }
}
