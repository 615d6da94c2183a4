package org.xtalkit.io.image.nexus;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import org.xtalkit.XtalException;
import org.xtalkit.io.image.ImageSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The frames of an NXmx file, read one at a time from wherever its segments put them (external
 * data files, virtual dataset sources). Thread-safe: jhdf reads chunks with positional reads on a
 * shared FileChannel and initialises its indices lazily under locks, so one HdfFile per data
 * file serves every thread; decompression runs in the calling thread. An interrupted reader
 * closes the shared channel (FileChannel semantics): the next read reopens the file.
 */
public final class NxmxImageSource implements ImageSource {
    private final Path master;
    private final List<FrameSegments.Segment> segments;
    private final int first, size;
    private final int[][] modules; // per panel: slow origin, fast origin, slow size, fast size
    private final boolean[][] mask;
    private final int bitDepthReadout;
    private final Map<Path, HdfFile> files;
    private final AtomicReferenceArray<FrameReader> readers;

    NxmxImageSource(Path master, List<FrameSegments.Segment> segments, int first, int size, int[][] modules,
                    boolean[][] mask, int bitDepthReadout, Map<Path, HdfFile> files) {
        this.master = master;
        this.segments = List.copyOf(segments);
        this.first = first;
        this.size = size;
        this.modules = modules;
        this.mask = mask;
        this.bitDepthReadout = bitDepthReadout;
        this.files = files;
        this.readers = new AtomicReferenceArray<>(segments.size());
    }

    /**
     * The images {@code firstImage..lastImage} (1-based, inclusive) of this source: an image_range
     * subset. It shares this source's open files: close one of them, not both.
     */
    public NxmxImageSource subRange(int firstImage, int lastImage) {
        if (firstImage < 1 || lastImage > size || lastImage < firstImage)
            throw new XtalException(master + ": image_range " + firstImage + "," + lastImage + " is outside 1," + size);
        return new NxmxImageSource(master, segments, first + firstImage - 1, lastImage - firstImage + 1, modules, mask,
                bitDepthReadout, files);
    }

    @Override public int size() { return size; }

    @Override public int numPanels() { return modules.length; }

    @Override public int[] panelSize(int panel) { return new int[] {modules[panel][3], modules[panel][2]}; }

    @Override public boolean[][] staticMask() {
        if (mask == null) return null;
        boolean[][] copy = new boolean[mask.length][];
        for (int i = 0; i < mask.length; i++) copy[i] = mask[i].clone();
        return copy;
    }

    @Override public String description() { return master.toString(); }

    @Override
    public int[][] read(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException("image " + index + " of " + size + " in " + master);
        long frame = first + (long) index;
        int s = segmentOf(frame);
        FrameSegments.Segment seg = segments.get(s);
        long sourceFrame = seg.sourceStart() + frame - seg.first();
        FrameReader r;
        int[] full;
        try {
            r = reader(s);
        } catch (RuntimeException e) { // the data file went away or is not what the master says
            throw failure(e, seg, sourceFrame, frame);
        }
        try {
            full = r.read(sourceFrame);
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted() && r.channelClosed()) {
                // another thread was interrupted while reading this file: reopen it and try again
                files.remove(seg.file(), r.file());
                for (int k = 0; k < readers.length(); k++) if (readers.get(k) != null && readers.get(k).file() == r.file()) readers.set(k, null);
                r = reader(s);
                full = readOrFail(r, seg, sourceFrame, frame);
            } else {
                throw failure(e, seg, sourceFrame, frame);
            }
        }
        if (bitDepthReadout > 0) flagValues(full);
        return split(full, r.nx());
    }

    private int[] readOrFail(FrameReader r, FrameSegments.Segment seg, long sourceFrame, long frame) {
        try {
            return r.read(sourceFrame);
        } catch (RuntimeException e) {
            throw failure(e, seg, sourceFrame, frame);
        }
    }

    private XtalException failure(RuntimeException e, FrameSegments.Segment seg, long sourceFrame, long frame) {
        if (e instanceof XtalException x) return x;
        return XtalException.badFile(seg.file(), "cannot read frame " + sourceFrame + " of " + seg.dataset() + " (image "
                + (frame + 1) + " of " + master.getFileName() + "): " + e.getMessage(), e);
    }

    /** dxtbx: the top two values of the readout depth are the detector's flags -1 and -2. */
    private void flagValues(int[] data) {
        int top1 = bitDepthReadout >= 32 ? Integer.MAX_VALUE : (1 << bitDepthReadout) - 1, top2 = top1 - 1;
        for (int i = 0; i < data.length; i++) {
            int v = data[i];
            if (v == top1) data[i] = -1;
            else if (v == top2) data[i] = -2;
        }
    }

    private int[][] split(int[] full, int nx) {
        if (modules.length == 1 && modules[0][0] == 0 && modules[0][1] == 0 && modules[0][3] == nx
                && (long) modules[0][2] * nx == full.length) return new int[][] {full};
        int[][] out = new int[modules.length][];
        for (int p = 0; p < modules.length; p++) {
            int[] m = modules[p];
            int[] panel = new int[m[2] * m[3]];
            for (int r = 0; r < m[2]; r++) System.arraycopy(full, (m[0] + r) * nx + m[1], panel, r * m[3], m[3]);
            out[p] = panel;
        }
        return out;
    }

    private int segmentOf(long frame) {
        int lo = 0, hi = segments.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (segments.get(mid).first() <= frame) lo = mid; else hi = mid - 1;
        }
        FrameSegments.Segment s = segments.get(lo);
        if (frame < s.first() || frame >= s.first() + s.count())
            throw XtalException.badFile(master, "no data for image " + (frame + 1) + " (the data files cover fewer frames)");
        return lo;
    }

    private FrameReader reader(int s) {
        FrameReader r = readers.get(s);
        if (r != null) return r;
        FrameSegments.Segment seg = segments.get(s);
        HdfFile f = files.computeIfAbsent(seg.file(), HdfFile::new);
        Dataset d = seg.open(f);
        r = new FrameReader(d, f);
        if (d.getDimensions()[0] < seg.sourceStart() + seg.count())
            throw XtalException.badFile(seg.file(), seg.dataset() + " has " + d.getDimensions()[0] + " frames, the master "
                    + master.getFileName() + " maps " + (seg.sourceStart() + seg.count()));
        readers.compareAndSet(s, null, r);
        return readers.get(s);
    }

    /** Creates an empty file map for a new source. */
    static Map<Path, HdfFile> newFileMap() { return new ConcurrentHashMap<>(); }

    @Override
    public void close() {
        for (HdfFile f : files.values()) f.close();
        files.clear();
    }
}
