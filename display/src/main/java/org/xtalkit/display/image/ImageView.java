package org.xtalkit.display.image;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.xtalkit.XtalException;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.image.ImageSets;
import org.xtalkit.io.image.ImageSource;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.table.ReflectionTable;

/**
 * A diffraction image as dials.image_viewer shows it, for a notebook: an image (or the maximum of
 * a stack of images) of an experiment's image set, any panel layout, with DIALS' default contrast,
 * optionally strong spots (boxes: green indexed, red not), predictions (blue circles), resolution
 * rings, and a zoom to a pixel region. Each with… call returns a new view; a cell ending with a view
 * shows it as PNG.
 *
 * <pre>
 * ImageView.read(Path.of("imported.expt"), 1).spots(strong).rings(true)
 * ImageView.read(Path.of("indexed.expt"), 50).spots(indexed).zoom(0, 1000, 1000, 1300, 1300).brightness(30)
 * </pre>
 *
 * @param experiment   the experiment whose image set is shown
 * @param experimentId its id in reflection tables (rows of other ids are not drawn)
 * @param baseDir      folder the image paths are relative to (the .expt's folder)
 * @param image        image number (1-based, as DIALS counts)
 * @param stack        images shown together (their per-pixel maximum)
 * @param brightness   dials.image_viewer's brightness (default 10), used unless min/max are set
 * @param min          counts shown white (with max), or null
 * @param max          counts shown black (with min), or null
 * @param scheme       colour scheme
 * @param spots        reflections drawn as boxes (bbox) or crosses, or null
 * @param predictions  reflections drawn as circles at xyzcal.px, or null
 * @param rings        resolution rings
 * @param zoom         {panel, x0, y0, x1, y1} in that panel's pixels, or null for the whole detector
 * @param maxSize      longest side of the PNG, pixels
 */
public record ImageView(Experiment experiment, int experimentId, Path baseDir, int image, int stack, double brightness,
                        Double min, Double max, Contrast.Scheme scheme, ReflectionTable spots, ReflectionTable predictions,
                        boolean rings, double[] zoom, int maxSize) {

    public static final int DEFAULT_SIZE = 800;

    public ImageView {
        if (stack < 1) throw new XtalException("stack=" + stack + ": expected 1 or more images");
        if (maxSize < 16) throw new XtalException("size=" + maxSize + ": expected at least 16 pixels");
        zoom = zoom == null ? null : zoom.clone();
    }

    /** Image {@code image} of experiment 0 of an .expt file (image paths relative to its folder). */
    public static ImageView read(Path expt, int image) {
        Path dir = expt.toAbsolutePath().getParent();
        return of(ExptFile.read(expt), image).dir(dir);
    }

    /** Image {@code image} of the first experiment; image paths relative to the working folder. */
    public static ImageView of(ExperimentList experiments, int image) {
        if (experiments.isEmpty()) throw new XtalException("image viewer: the experiment list is empty");
        return of(experiments.get(0), image);
    }

    public static ImageView of(Experiment experiment, int image) {
        return new ImageView(experiment, 0, Path.of(""), image, 1, Contrast.DEFAULT_BRIGHTNESS, null, null,
                Contrast.Scheme.GRAYSCALE, null, null, false, null, DEFAULT_SIZE);
    }

    /** Experiment {@code id} of a list (its id in the reflection tables is its index). */
    public static ImageView of(ExperimentList experiments, int id, int image) {
        return new ImageView(experiments.get(id), id, Path.of(""), image, 1, Contrast.DEFAULT_BRIGHTNESS, null, null,
                Contrast.Scheme.GRAYSCALE, null, null, false, null, DEFAULT_SIZE);
    }

    public ImageView dir(Path d) { return new ImageView(experiment, experimentId, d, image, stack, brightness, min, max, scheme, spots, predictions, rings, zoom, maxSize); }
    public ImageView image(int n) { return new ImageView(experiment, experimentId, baseDir, n, stack, brightness, min, max, scheme, spots, predictions, rings, zoom, maxSize); }
    public ImageView stack(int n) { return new ImageView(experiment, experimentId, baseDir, image, n, brightness, min, max, scheme, spots, predictions, rings, zoom, maxSize); }
    public ImageView brightness(double b) { return new ImageView(experiment, experimentId, baseDir, image, stack, b, null, null, scheme, spots, predictions, rings, zoom, maxSize); }
    public ImageView minMax(double lo, double hi) { return new ImageView(experiment, experimentId, baseDir, image, stack, brightness, lo, hi, scheme, spots, predictions, rings, zoom, maxSize); }
    public ImageView scheme(String s) { return new ImageView(experiment, experimentId, baseDir, image, stack, brightness, min, max, Contrast.scheme(s), spots, predictions, rings, zoom, maxSize); }
    public ImageView spots(ReflectionTable t) { return new ImageView(experiment, experimentId, baseDir, image, stack, brightness, min, max, scheme, t, predictions, rings, zoom, maxSize); }
    public ImageView predictions(ReflectionTable t) { return new ImageView(experiment, experimentId, baseDir, image, stack, brightness, min, max, scheme, spots, t, rings, zoom, maxSize); }
    public ImageView rings(boolean on) { return new ImageView(experiment, experimentId, baseDir, image, stack, brightness, min, max, scheme, spots, predictions, on, zoom, maxSize); }
    public ImageView size(int px) { return new ImageView(experiment, experimentId, baseDir, image, stack, brightness, min, max, scheme, spots, predictions, rings, zoom, px); }

    /** Zoom to pixels [x0, x1) × [y0, y1) of a panel. */
    public ImageView zoom(int panel, double x0, double y0, double x1, double y1) {
        if (panel < 0 || panel >= experiment.detector().size())
            throw new XtalException("zoom: panel " + panel + " does not exist (the detector has " + experiment.detector().size() + ")");
        if (!(x1 > x0 && y1 > y0)) throw new XtalException("zoom: expected x0 < x1 and y0 < y1, got " + x0 + ", " + y0 + ", " + x1 + ", " + y1);
        return new ImageView(experiment, experimentId, baseDir, image, stack, brightness, min, max, scheme, spots, predictions, rings,
                new double[] {panel, x0, y0, x1, y1}, maxSize);
    }

    /** The picture, reading the image(s) from the experiment's image set. */
    public BufferedImage render() {
        try (ImageSource src = ImageSets.open(experiment, baseDir)) {
            return render(src);
        } catch (XtalException e) {
            throw e;
        } catch (Exception e) {
            throw new XtalException("image viewer: cannot read image " + image + ": " + e.getMessage(), e);
        }
    }

    /** The picture from an open source whose index 0 is the scan's first image. */
    public BufferedImage render(ImageSource src) {
        return ImageRenderer.render(this, src);
    }

    @Override public String toString() {
        return "ImageView(image " + image + (stack > 1 ? "+" + (stack - 1) : "") + " of " + experiment.identifier() + ")";
    }
}
