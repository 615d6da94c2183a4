package org.xtalkit.step;

import org.xtalkit.XtalException;
import org.xtalkit.io.image.ImageFormat;
import org.xtalkit.io.image.ImageSource;
import org.xtalkit.model.ImageSetRef;
import org.xtalkit.model.Scan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Opens the images of an experiment's image set through the registered image formats: a template
 * ({@code thau_####.cbf}) expands to the scan's image numbers; a container file (NeXus) is opened
 * whole and viewed over the scan's frames. Relative paths resolve against {@code baseDir} (the
 * folder of the .expt file, as dxtbx does).
 */
public final class ImageSets {
    private ImageSets() {}

    /** Images firstImage..lastImage (the scan's 1-based numbers) of the image set. */
    public static ImageSource open(ImageSetRef ref, int firstImage, int lastImage, Path baseDir) {
        if (ref == null) throw new XtalException("the experiment has no image set to read images from");
        if (ref.template() != null) {
            List<Path> files = new ArrayList<>();
            for (int i = firstImage; i <= lastImage; i++) files.add(resolve(baseDir, expand(ref.template(), i)));
            return formatFor(files.get(0)).open(files);
        }
        if (ref.paths().isEmpty()) throw new XtalException("the image set names no files");
        List<Path> files = ref.paths().stream().map(p -> resolve(baseDir, p)).toList();
        ImageFormat format = formatFor(files.get(0));
        ImageSource whole = format.open(files);
        return sub(whole, firstImage - 1, lastImage == Integer.MAX_VALUE ? whole.size() : lastImage);
    }

    /** The template with its run of '#' replaced by the zero-padded image number. */
    static String expand(String template, int image) {
        int a = template.indexOf('#'), b = template.lastIndexOf('#');
        if (a < 0) return template;
        String num = String.format("%0" + (b - a + 1) + "d", image);
        return template.substring(0, a) + num + template.substring(b + 1);
    }

    private static Path resolve(Path baseDir, String p) {
        Path path = Path.of(p);
        if (!path.isAbsolute() && baseDir != null) path = baseDir.resolve(path);
        if (!Files.exists(path)) throw XtalException.badFile(path, "image file not found");
        return path.normalize();
    }

    static ImageFormat formatFor(Path file) {
        ImageFormat best = null;
        for (ImageFormat f : ServiceLoader.load(ImageFormat.class))
            if (f.understands(file) && (best == null || f.priority() > best.priority())) best = f;
        if (best == null) throw XtalException.badFile(file, "no registered image format understands this file");
        return best;
    }

    /** Frames from..to-1 of a source, or the source itself when that is all of it. */
    static ImageSource sub(ImageSource s, int from, int to) {
        if (from == 0 && to == s.size()) return s;
        if (from < 0 || to > s.size() || from >= to)
            throw new XtalException(s.description() + ": images " + (from + 1) + ".." + to + " are outside its "
                    + s.size() + " images");
        return new ImageSource() {
            @Override public int size() { return to - from; }
            @Override public int numPanels() { return s.numPanels(); }
            @Override public int[] panelSize(int panel) { return s.panelSize(panel); }
            @Override public int[][] read(int index) { return s.read(from + index); }
            @Override public boolean[][] staticMask() { return s.staticMask(); }
            @Override public String description() { return s.description() + " [" + (from + 1) + ".." + to + "]"; }
            @Override public void close() { s.close(); }
        };
    }

    /** The image range of a scan, or 1..n for an image set without one. */
    static int[] range(Scan scan, int n) {
        return scan == null ? new int[] {1, n} : new int[] {scan.firstImage(), scan.lastImage()};
    }
}
