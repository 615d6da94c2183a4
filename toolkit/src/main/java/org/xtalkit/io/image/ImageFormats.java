package org.xtalkit.io.image;

import org.xtalkit.XtalException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The image formats on the class path (ServiceLoader), and the choice of the one that reads a
 * file: among those that understand it, the most specific (highest priority), as dxtbx walks its
 * format tree to the deepest class that understands the file.
 */
public final class ImageFormats {
    private ImageFormats() {}

    private static final List<ImageFormat> ALL = load();

    private static List<ImageFormat> load() {
        List<ImageFormat> list = new ArrayList<>();
        ServiceLoader.load(ImageFormat.class, ImageFormats.class.getClassLoader()).forEach(list::add);
        list.sort(Comparator.comparingInt(ImageFormat::priority).reversed());
        return List.copyOf(list);
    }

    /** Every registered format, most specific first. */
    public static List<ImageFormat> all() { return ALL; }

    /** The format with this name (as dials.import prints it). */
    public static ImageFormat named(String name) {
        for (ImageFormat f : ALL) if (f.name().equals(name)) return f;
        throw new XtalException("no image format named " + name);
    }

    /** The most specific format that understands the file, or an error naming the file. */
    public static ImageFormat find(Path file) {
        if (!Files.isRegularFile(file)) throw XtalException.badFile(file, "no such file");
        for (ImageFormat f : ALL) {
            boolean ok;
            try {
                ok = f.understands(file);
            } catch (RuntimeException e) {
                ok = false;   // a format that chokes on a file does not read it
            }
            if (ok) return f;
        }
        throw XtalException.badFile(file, "unknown image format (none of " + ALL.size()
                + " formats understands it: expected miniCBF/full CBF, NeXus/HDF5 or SMV)");
    }
}
