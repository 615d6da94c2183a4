package org.xtalkit.io.image.smv;

import org.xtalkit.XtalException;
import org.xtalkit.io.image.ImageSource;

import java.nio.file.Path;
import java.util.List;

/** A sequence of single-image SMV files of one size; reads each file on demand (thread-safe). */
final class SmvImageSource implements ImageSource {
    private final List<Path> files;
    private final int fast, slow;

    SmvImageSource(List<Path> files, int fast, int slow) {
        this.files = List.copyOf(files);
        this.fast = fast;
        this.slow = slow;
    }

    @Override public int size() { return files.size(); }
    @Override public int numPanels() { return 1; }
    @Override public int[] panelSize(int panel) { return new int[] {fast, slow}; }

    @Override
    public int[][] read(int index) {
        SmvHeader h = SmvHeader.read(files.get(index));
        if (h.size("SIZE1") != fast || h.size("SIZE2") != slow)
            throw XtalException.badFile(files.get(index), "image is " + h.size("SIZE1") + " x " + h.size("SIZE2")
                    + " pixels, the sequence's first is " + fast + " x " + slow);
        return new int[][] {h.pixels(fast, slow)};
    }

    @Override public String description() {
        return files.size() == 1 ? files.get(0).toString() : files.get(0) + " ... (" + files.size() + " files)";
    }
}
