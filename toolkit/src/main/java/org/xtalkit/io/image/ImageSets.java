package org.xtalkit.io.image;

import org.xtalkit.XtalException;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ImageSetRef;
import org.xtalkit.model.Scan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the images of an experiment as the .expt file describes them: a template and the scan's
 * image range, a list of files, or one container file (HDF5) with the frames it uses. Relative
 * paths are resolved against the directory of the .expt file, as dxtbx does.
 */
public final class ImageSets {
    private ImageSets() {}

    /** The experiment's images, image 0 being the first image of its scan (or of its image set). */
    public static ImageSource open(Experiment experiment, Path baseDir) {
        if (experiment.imageSet() == null)
            throw new XtalException("experiment " + experiment.identifier() + " has no image set");
        Scan scan = experiment.scan();
        return scan == null ? open(experiment.imageSet(), 1, Integer.MAX_VALUE, baseDir)
                : open(experiment.imageSet(), scan.firstImage(), scan.lastImage(), baseDir);
    }

    /**
     * Images {@code firstImage..lastImage} (1-based image numbers, as a scan gives them; lastImage
     * Integer.MAX_VALUE for "all there are") of an image set.
     */
    public static ImageSource open(ImageSetRef ref, int firstImage, int lastImage, Path baseDir) {
        if (ref == null) throw new XtalException("the experiment has no image set to read images from");
        if (ref.template() != null && ref.template().contains("#")) {
            Path template = resolve(baseDir, ref.template());
            String name = template.getFileName().toString();
            List<Path> files = new ArrayList<>();
            if (lastImage == Integer.MAX_VALUE) {
                for (int i : Template.matching(template.getParent(), name))
                    if (i >= firstImage) files.add(template.resolveSibling(Template.fileName(name, i)));
            } else {
                for (int i = firstImage; i <= lastImage; i++) files.add(template.resolveSibling(Template.fileName(name, i)));
            }
            if (files.isEmpty()) throw XtalException.badFile(template, "matches no image files");
            return ImageFormats.find(files.get(0)).open(files);
        }
        if (ref.template() != null) {   // one container file, e.g. a NeXus master: frames are image numbers - 1
            Path file = resolve(baseDir, ref.template());
            ImageSource all = ImageFormats.find(file).open(List.of(file));
            // image number n is frame n - 1 (single_file_indices lists the same frames)
            List<Integer> frames = new ArrayList<>();
            if (lastImage != Integer.MAX_VALUE) for (int i = firstImage; i <= lastImage; i++) frames.add(i - 1);
            else if (!ref.single().isEmpty()) frames.addAll(ref.single());
            else for (int i = firstImage; i <= all.size(); i++) frames.add(i - 1);
            if (frames.isEmpty()) throw XtalException.badFile(file, "no frames from image " + firstImage);
            return frames.size() == all.size() && frames.get(0) == 0 ? all : new FrameSubset(all, frames);
        }
        if (ref.paths().isEmpty()) throw new XtalException("the image set lists no files");
        List<Path> files = new ArrayList<>();
        for (String p : ref.paths()) files.add(resolve(baseDir, p));
        ImageSource src = ImageFormats.find(files.get(0)).open(files);
        return ref.single().isEmpty() ? src : new FrameSubset(src, ref.single());
    }

    private static Path resolve(Path baseDir, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p).normalize();
    }

    /** Some frames of a container, renumbered from 0. */
    private record FrameSubset(ImageSource all, List<Integer> frames) implements ImageSource {
        FrameSubset {
            frames = List.copyOf(frames);
            for (int f : frames)
                if (f < 0 || f >= all.size())
                    throw new XtalException(all.description() + ": frame " + f + " is outside 0.." + (all.size() - 1));
        }
        @Override public int size() { return frames.size(); }
        @Override public int numPanels() { return all.numPanels(); }
        @Override public int[] panelSize(int panel) { return all.panelSize(panel); }
        @Override public int[][] read(int index) { return all.read(frames.get(index)); }
        @Override public boolean[][] staticMask() { return all.staticMask(); }
        @Override public String description() { return all.description() + " frames " + frames.get(0) + ".." + frames.get(frames.size() - 1); }
        @Override public void close() { all.close(); }
    }
}
