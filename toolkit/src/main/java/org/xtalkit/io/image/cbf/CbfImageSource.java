package org.xtalkit.io.image.cbf;

import org.xtalkit.XtalException;
import org.xtalkit.io.image.ImageSource;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Panel;

import java.nio.file.Path;
import java.util.List;

/**
 * A sequence of single-image CBF files; image i is file i, cut into the detector's panels by their
 * raw image offsets (the 24 rows of the I23 12M, or the whole image for one panel). Stateless
 * between reads, hence thread-safe.
 */
final class CbfImageSource implements ImageSource {
    private final List<Path> files;
    private final Detector detector;

    CbfImageSource(List<Path> files, Detector detector) {
        this.files = List.copyOf(files);
        this.detector = detector;
    }

    @Override public int size() { return files.size(); }
    @Override public int numPanels() { return detector.size(); }

    @Override public int[] panelSize(int panel) {
        Panel p = detector.panel(panel);
        return new int[] {p.imageSizeFast(), p.imageSizeSlow()};
    }

    @Override
    public int[][] read(int index) {
        Path file = files.get(index);
        CbfReader.Pixels px = CbfReader.read(file);
        if (detector.size() == 1) {
            Panel p = detector.panel(0);
            if (p.imageSizeFast() != px.fast() || p.imageSizeSlow() != px.slow())
                throw XtalException.badFile(file, "image is " + px.fast() + " x " + px.slow()
                        + " pixels but the detector panel is " + p.imageSizeFast() + " x " + p.imageSizeSlow());
            return new int[][] {px.data()};
        }
        int[][] out = new int[detector.size()][];
        for (int k = 0; k < detector.size(); k++) {
            Panel p = detector.panel(k);
            int x0 = p.rawImageOffset()[0], y0 = p.rawImageOffset()[1], w = p.imageSizeFast(), h = p.imageSizeSlow();
            if (x0 + w > px.fast() || y0 + h > px.slow())
                throw XtalException.badFile(file, "image is " + px.fast() + " x " + px.slow() + " pixels, too small for panel "
                        + p.name() + " at (" + x0 + ", " + y0 + ") of " + w + " x " + h);
            int[] d = new int[w * h];
            for (int y = 0; y < h; y++) System.arraycopy(px.data(), (y0 + y) * px.fast() + x0, d, y * w, w);
            out[k] = d;
        }
        return out;
    }

    @Override public String description() {
        return files.size() == 1 ? files.get(0).toString() : files.get(0) + " ... (" + files.size() + " files)";
    }
}
