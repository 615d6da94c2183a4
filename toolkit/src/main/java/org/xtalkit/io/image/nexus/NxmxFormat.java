package org.xtalkit.io.image.nexus;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.filter.FilterManager;
import org.xtalkit.XtalException;
import org.xtalkit.io.image.FormatMetadata;
import org.xtalkit.io.image.ImageFormat;
import org.xtalkit.io.image.ImageSource;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * NeXus/NXmx HDF5 files (Dectris Eiger masters with external data files, Diamond .nxs files with
 * virtual datasets), as dxtbx's FormatNXmx: the models of the file's NXmx entry and its frames.
 */
public final class NxmxFormat implements ImageFormat {
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n'};

    static {
        // The service file registers the filter; this also covers class loaders jhdf's ServiceLoader does not see.
        FilterManager.addFilter(new BitshuffleLz4Filter());
    }

    @Override public String name() { return "FormatNXmx"; }

    @Override
    public boolean understands(Path file) {
        if (!isHdf5(file)) return false;
        try (HdfFile f = new HdfFile(file)) {
            return NxmxModels.findEntry(f) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean isHdf5(Path file) {
        if (!Files.isRegularFile(file)) return false;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            return Arrays.equals(head, HDF5_SIGNATURE);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public FormatMetadata readMetadata(Path file) {
        return guarded(file, () -> readMetadataOf(file));
    }

    private FormatMetadata readMetadataOf(Path file) {
        try (HdfFile f = openHdf(file)) {
            Group entry = entry(file, f);
            long frames = frames(FrameSegments.of(file, f, entry)); // first: a missing data file is the error to report
            NxmxModels m = models(file, entry);
            Scan scan = scanFor(m.scan(), frames, file);
            boolean still = scan == null || scan.isStill();
            return new FormatMetadata(name(), m.beamModel(), m.detectorModel(), m.goniometer(), scan, still,
                    scan != null ? scan.numImages() : (int) frames);
        }
    }

    @Override
    public ImageSource open(List<Path> files) {
        if (files.size() != 1) throw new XtalException("NXmx: one master/.nxs file per image source, got " + files);
        return open(files.get(0));
    }

    /** Opens an NXmx file for reading its images (all frames its scan covers). */
    public NxmxImageSource open(Path file) {
        return guarded(file, () -> openSource(file));
    }

    /** Runs a read, turning jhdf's and the JDK's failures into an error that names the file. */
    private static <T> T guarded(Path file, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (XtalException e) {
            throw e;
        } catch (RuntimeException e) {
            throw XtalException.badFile(file, "cannot be read as an NXmx file: " + e.getMessage(), e);
        }
    }

    private NxmxImageSource openSource(Path file) {
        Map<Path, HdfFile> cache = NxmxImageSource.newFileMap();
        HdfFile f = openHdf(file);
        cache.put(file, f);
        try {
            Group entry = entry(file, f);
            List<FrameSegments.Segment> segments = FrameSegments.of(file, f, entry);
            NxmxModels m = models(file, entry);
            Scan scan = scanFor(m.scan(), frames(segments), file);
            int n = scan != null ? scan.numImages() : (int) frames(segments);
            return new NxmxImageSource(file, segments, 0, n, moduleSlices(file, m), mask(file, m), m.bitDepthReadout(), cache);
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
    }

    private static HdfFile openHdf(Path file) {
        if (!isHdf5(file)) throw XtalException.badFile(file, "not an HDF5 file (no HDF5 signature)");
        try {
            return new HdfFile(file);
        } catch (RuntimeException e) {
            throw XtalException.badFile(file, "cannot be opened as HDF5: " + e.getMessage(), e);
        }
    }

    private static Group entry(Path file, HdfFile f) {
        Group entry = NxmxModels.findEntry(f);
        if (entry == null) throw XtalException.badFile(file, "no NXentry with an NXinstrument/NXdetector (not an NXmx file)");
        return entry;
    }

    private static NxmxModels models(Path file, Group entry) {
        try {
            return NxmxModels.read(entry);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw XtalException.badFile(file, e.getMessage(), e);
        }
    }

    private static long frames(List<FrameSegments.Segment> segments) {
        FrameSegments.Segment last = segments.get(segments.size() - 1);
        return last.first() + last.count();
    }

    /**
     * The scan over the frames that exist: the sample axes give one value per frame; data files
     * with fewer frames cut the scan, a single-valued axis over many frames makes stills.
     */
    private static Scan scanFor(Scan scan, long frames, Path file) {
        if (scan == null) return null;
        if (frames < 1) throw XtalException.badFile(file, "holds no frames");
        if (scan.numImages() > frames) return scan.subRange(1, (int) frames);
        if (scan.numImages() == 1 && frames > 1) {
            double[] t = new double[(int) frames], e = new double[(int) frames];
            Arrays.fill(t, scan.exposureTimes()[0]);
            for (int i = 0; i < e.length; i++) e[i] = i * scan.exposureTimes()[0];
            return new Scan(1, (int) frames, 0, scan.oscillationStart(), 0, t, e);
        }
        return scan;
    }

    /** Per panel: data_origin (slow, fast) and data_size (slow, fast) of its module. */
    private static int[][] moduleSlices(Path file, NxmxModels m) {
        int[][] out = new int[m.modules().size()][];
        for (int i = 0; i < out.length; i++) {
            Group g = m.modules().get(i);
            Dataset origin = NxTree.dataset(g, "data_origin");
            double[] o = origin == null ? new double[] {0, 0} : NxTree.doubles(origin);
            Panel p = m.detectorModel().panel(i);
            out[i] = new int[] {(int) o[o.length - 2], (int) o[o.length - 1], p.imageSizeSlow(), p.imageSizeFast()};
        }
        return out;
    }

    /** pixel_mask == 0 marks good pixels (NXmx bit field: gaps, dead, hot ...), cut per module. */
    private static boolean[][] mask(Path file, NxmxModels m) {
        Dataset pm = NxTree.dataset(m.detector(), "pixel_mask");
        if (pm == null || pm.getDimensions().length != 2) return null;
        int nx = pm.getDimensions()[1];
        double[] v = NxTree.doubles(pm);
        int[][] slices = moduleSlices(file, m);
        boolean[][] out = new boolean[slices.length][];
        for (int p = 0; p < slices.length; p++) {
            int[] s = slices[p];
            boolean[] mask = new boolean[s[2] * s[3]];
            for (int r = 0; r < s[2]; r++)
                for (int c = 0; c < s[3]; c++) mask[r * s[3] + c] = v[(s[0] + r) * nx + s[1] + c] == 0;
            out[p] = mask;
        }
        return out;
    }
}
