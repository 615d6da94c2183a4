package org.xtalkit.io.image.cbf;

import org.xtalkit.XtalException;
import org.xtalkit.io.image.ImageFormat;
import org.xtalkit.io.image.ImageSource;
import org.xtalkit.model.Detector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CBF family: recognises CBF files by their header (read once per file, then shared by every CBF
 * format that asks) and opens them as a sequence of single-image files cut into the detector's
 * panels. Subclasses follow dxtbx's format tree: a format understands a file only when its parent does.
 */
public abstract class CbfFormat implements ImageFormat {

    /** Whether this format reads a CBF with this header text (the parent's checks already passed). */
    protected abstract boolean accepts(String header);

    /** The detector of a file, which fixes how its image is cut into panels. */
    protected abstract Detector detector(Path file, String header);

    @Override
    public boolean understands(Path file) {
        String header = cachedHeader(file);
        return header != null && accepts(header);
    }

    @Override
    public ImageSource open(List<Path> files) {
        if (files.isEmpty()) throw new IllegalArgumentException("no files to open");
        Path first = files.get(0);
        return new CbfImageSource(files, detector(first, headerOf(first)));
    }

    /** The header text of a CBF file, failing with a clear message for anything else. */
    protected static String headerOf(Path file) {
        String h = cachedHeader(file);
        if (h == null) throw XtalException.badFile(file, "is not a CBF file (it does not start with ###CBF)");
        return h;
    }

    // Every CBF format's understands() needs the same header; reading it once per file keeps
    // format detection of a bz2 sweep from decompressing each file once per format.
    private record Key(Path file, long size, FileTime modified) {}
    private static final int CACHE_SIZE = 64;
    private static final Map<Key, String> HEADERS = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<Key, String> e) { return size() > CACHE_SIZE; }
    };

    /** The header, or null when the file is not a CBF (or cannot be read). */
    private static String cachedHeader(Path file) {
        Key key;
        try {
            key = new Key(file.toAbsolutePath().normalize(), Files.size(file), Files.getLastModifiedTime(file));
        } catch (IOException e) {
            return null;
        }
        synchronized (HEADERS) {
            String h = HEADERS.get(key);
            if (h != null) return h;
        }
        String h;
        try {
            h = CbfReader.header(file);   // fails fast on the first bytes when the file is no CBF
        } catch (XtalException e) {
            return null;
        }
        synchronized (HEADERS) { HEADERS.put(key, h); }
        return h;
    }
}
