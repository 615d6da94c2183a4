package org.xtalkit.io.image;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.xtalkit.XtalException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opening single-image files that may be wrapped in gzip or bzip2, as dxtbx's open_file does. */
public final class ImageFiles {
    private ImageFiles() {}

    /** True when the file is gzip- or bzip2-compressed (by its suffix), so its length says nothing of its content. */
    public static boolean isCompressed(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".gz") || n.endsWith(".bz2");
    }

    /** The file's bytes, decompressed on the fly. */
    public static InputStream open(Path file) {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            String n = file.getFileName().toString();
            if (n.endsWith(".gz")) return new GZIPInputStream(in, 1 << 16);
            if (n.endsWith(".bz2")) return new BZip2CompressorInputStream(in);
            return in;
        } catch (IOException e) {
            throw XtalException.badFile(file, "cannot be opened (" + e.getMessage() + ")", e);
        }
    }

    /** The name without a .gz/.bz2 wrapper suffix, to recognise formats by their own extension. */
    public static String innerName(Path file) {
        String n = file.getFileName().toString();
        if (n.endsWith(".gz")) return n.substring(0, n.length() - 3);
        if (n.endsWith(".bz2")) return n.substring(0, n.length() - 4);
        return n;
    }

    /** Up to {@code max} first bytes of the (decompressed) file; fewer when it is shorter. */
    public static byte[] head(Path file, int max) {
        try (InputStream in = open(file)) {
            return in.readNBytes(max);
        } catch (IOException e) {
            throw XtalException.badFile(file, "cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
