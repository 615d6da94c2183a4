package org.xtalkit.io.image.nexus;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import org.xtalkit.XtalException;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Writes a rotation sweep of one flat panel as an NXmx file that {@link NxmxFormat} and dxtbx's
 * FormatNXmx read back to the same models: images in /entry/data/data, one deflated chunk per
 * image; geometry as McStas transformation chains (module_offset places the panel corner, the
 * pixel directions hang from it; omega carries the scan).
 *
 * <p>Either one self-contained file, or an Eiger-style master with external links to data files.
 * jhdf 0.13 writes hard links only, so {@link ExternalLinkWriter} adds the external links to the
 * master jhdf wrote; jhdf also holds a file in memory until it closes it, so data files bound the
 * memory a long sweep needs.
 */
public final class NxmxWriter {
    private NxmxWriter() {}

    /**
     * Writes one self-contained file: metadata and /entry/data/data.
     *
     * @param file      the .nxs/.h5 file to write (via a temporary file in the same folder, then renamed)
     * @param beam      the beam (only the wavelength is NXmx data; the direction is along -z)
     * @param panel     the panel (its origin, axes, pixel size, trusted range, sensor)
     * @param axis      the rotation axis (imgCIF frame)
     * @param scan      the scan: one image per entry of {@code images}
     * @param images    the counts, slow-major, one int[] per image
     * @param goodPixel the static mask written as pixel_mask (false = gap/bad), or null
     */
    public static void write(Path file, Beam beam, Panel panel, Vec3 axis, Scan scan, int[][] images, boolean[] goodPixel) {
        write(file, beam, panel, Goniometer.singleAxis(axis), scan, images, goodPixel);
    }

    /**
     * As {@link #write(Path, Beam, Panel, Vec3, Scan, int[][], boolean[])} for any goniometer: a
     * multi-axis one is written as its chain of rotations (crystal outwards, each depending on the
     * next), the scan axis carrying the scan and the others their fixed angle on every image.
     */
    public static void write(Path file, Beam beam, Panel panel, Goniometer gonio, Scan scan, int[][] images, boolean[] goodPixel) {
        if (images.length != scan.numImages())
            throw new IllegalArgumentException(images.length + " images for a scan of " + scan.numImages());
        atomically(file, tmp -> {
            try (WritableHdfFile out = HdfFile.write(tmp)) {
                WritableGroup data = metadata(out, beam, panel, gonio, scan, goodPixel);
                data.putDataset("data", cube(panel, i -> images[i], 0, images.length), imageChunks(panel));
            }
        });
    }

    /**
     * Writes an Eiger-style master and data files: {@code <stem>_data_000001.h5} ... with up to
     * {@code imagesPerFile} images each at /entry/data/data, reached from the master through
     * external links /entry/data/data_000001 ... (how xtalkit and newer dxtbx read Eiger files).
     * With a single data file, /entry/data/data is also an external link to it, so DIALS 3.12
     * (which reads only the NXdata signal) reads the set too. Only one data file is in memory at
     * a time.
     *
     * @param master        the master file, e.g. {@code sweep_master.h5}
     * @param images        image i (0-based) of the scan, slow-major
     * @param imagesPerFile images per data file
     * @return the data files written
     */
    public static List<Path> writeMasterAndData(Path master, Beam beam, Panel panel, Vec3 axis, Scan scan,
                                                IntFunction<int[]> images, boolean[] goodPixel, int imagesPerFile) {
        return writeMasterAndData(master, beam, panel, Goniometer.singleAxis(axis), scan, images, goodPixel, imagesPerFile);
    }

    /** As the single-axis form, for any goniometer (written as {@link #write(Path, Beam, Panel, Goniometer, Scan, int[][], boolean[])} does). */
    public static List<Path> writeMasterAndData(Path master, Beam beam, Panel panel, Goniometer gonio, Scan scan,
                                                IntFunction<int[]> images, boolean[] goodPixel, int imagesPerFile) {
        if (imagesPerFile < 1) throw new IllegalArgumentException("imagesPerFile must be >= 1, got " + imagesPerFile);
        String name = master.getFileName().toString();
        String stem = name.replaceFirst("(_master)?\\.(h5|hdf5|nxs)$", "");
        List<Path> dataFiles = new ArrayList<>();
        List<ExternalLinkWriter.Link> links = new ArrayList<>();
        int n = scan.numImages();
        for (int first = 0, k = 1; first < n; first += imagesPerFile, k++) {
            int from = first, count = Math.min(imagesPerFile, n - first);
            Path dataFile = master.resolveSibling(String.format("%s_data_%06d.h5", stem, k));
            atomically(dataFile, tmp -> {
                try (WritableHdfFile out = HdfFile.write(tmp)) {
                    WritableDataset d = out.putGroup("entry").putGroup("data")
                            .putDataset("data", cube(panel, images, from, count), imageChunks(panel));
                    d.putAttribute("image_nr_low", from + 1);
                    d.putAttribute("image_nr_high", from + count);
                }
            });
            dataFiles.add(dataFile);
            links.add(new ExternalLinkWriter.Link(String.format("data_%06d", k), dataFile.getFileName().toString(), "/entry/data/data"));
        }
        if (dataFiles.size() == 1) links.add(new ExternalLinkWriter.Link("data", links.get(0).file(), "/entry/data/data"));
        atomically(master, tmp -> {
            try (WritableHdfFile out = HdfFile.write(tmp)) {
                metadata(out, beam, panel, gonio, scan, goodPixel);
            }
            ExternalLinkWriter.addLinks(tmp, "/entry/data", links);
        });
        return dataFiles;
    }

    /** Writes the NXmx metadata; returns the (empty) NXdata group. */
    private static WritableGroup metadata(WritableHdfFile out, Beam beam, Panel panel, Goniometer gonio, Scan scan, boolean[] goodPixel) {
        WritableGroup entry = group(out, "entry", "NXentry");
        entry.putDataset("definition", "NXmx");
        WritableGroup instrument = group(entry, "instrument", "NXinstrument");
        instrument.putDataset("name", "XTALKIT SIMULATION");
        WritableGroup nxBeam = group(instrument, "beam", "NXbeam");
        nxBeam.putDataset("incident_wavelength", beam.wavelength()).putAttribute("units", "angstrom");
        detector(group(instrument, "detector", "NXdetector"), panel, scan, goodPixel);
        sample(group(entry, "sample", "NXsample"), gonio, scan);
        WritableGroup data = group(entry, "data", "NXdata");
        data.putAttribute("signal", "data");
        return data;
    }

    /** Images {@code from .. from+count-1} as the (frame, slow, fast) array jhdf writes. */
    private static int[][][] cube(Panel panel, IntFunction<int[]> images, int from, int count) {
        int ny = panel.imageSizeSlow(), nx = panel.imageSizeFast();
        int[][][] cube = new int[count][ny][nx];
        for (int i = 0; i < count; i++) {
            int[] image = images.apply(from + i);
            if (image.length != ny * nx)
                throw new IllegalArgumentException("image " + (from + i + 1) + " has " + image.length + " pixels, expected " + ny * nx);
            for (int y = 0; y < ny; y++) System.arraycopy(image, y * nx, cube[i][y], 0, nx);
        }
        return cube;
    }

    private static DatasetCreationOptions imageChunks(Panel panel) {
        return DatasetCreationOptions.builder().chunkDimensions(1, panel.imageSizeSlow(), panel.imageSizeFast()).deflate(4).build();
    }

    private interface Writing { void to(Path tmp) throws IOException; }

    /** Writes through a temporary file in the same folder, renamed over the target when complete. */
    private static void atomically(Path file, Writing writing) {
        org.xtalkit.io.AtomicWrite.writeVia(file, writing::to);
    }

    private static void detector(WritableGroup det, Panel p, Scan scan, boolean[] goodPixel) {
        det.putDataset("sensor_material", p.material());
        det.putDataset("sensor_thickness", p.thickness()).putAttribute("units", "mm");
        det.putDataset("saturation_value", (long) p.trustedMax());
        det.putDataset("underload_value", (long) p.trustedMin() + 1); // dxtbx 3.12 reads underload - 1
        det.putDataset("frame_time", scan.exposureTimes().length > 0 ? scan.exposureTimes()[0] : 0.0).putAttribute("units", "s");
        det.putDataset("depends_on", "/entry/instrument/detector/module/module_offset");
        if (goodPixel != null) {
            int ny = p.imageSizeSlow(), nx = p.imageSizeFast();
            int[][] mask = new int[ny][nx];
            for (int y = 0; y < ny; y++) for (int x = 0; x < nx; x++) mask[y][x] = goodPixel[y * nx + x] ? 0 : 1;
            det.putDataset("pixel_mask", mask);
        }
        WritableGroup module = group(det, "module", "NXdetector_module");
        module.putDataset("data_origin", new int[] {0, 0});
        module.putDataset("data_size", new int[] {p.imageSizeSlow(), p.imageSizeFast()});
        Vec3 origin = NxmxModels.toImgCif(p.origin()); // the imgCIF <-> McStas map is its own inverse
        double distance = origin.length();
        axis(module.putDataset("module_offset", new double[] {distance}), "translation", "mm",
                distance > 0 ? origin.times(1 / distance) : new Vec3(0, 0, 1), ".");
        axis(module.putDataset("fast_pixel_direction", new double[] {p.pixelSizeFast()}), "translation", "mm",
                NxmxModels.toImgCif(p.fastAxis()), "/entry/instrument/detector/module/module_offset");
        axis(module.putDataset("slow_pixel_direction", new double[] {p.pixelSizeSlow()}), "translation", "mm",
                NxmxModels.toImgCif(p.slowAxis()), "/entry/instrument/detector/module/module_offset");
    }

    private static void sample(WritableGroup sample, Goniometer gonio, Scan scan) {
        WritableGroup t = group(sample, "transformations", "NXtransformations");
        int n = scan.numImages();
        double[] omega = new double[n], end = new double[n];
        for (int i = 0; i < n; i++) {
            omega[i] = scan.oscillationStart() + i * scan.oscillationWidth();
            end[i] = omega[i] + scan.oscillationWidth();
        }
        if (!gonio.isMultiAxis()) {
            sample.putDataset("depends_on", "/entry/sample/transformations/omega");
            axis(t.putDataset("omega", omega), "rotation", "deg", NxmxModels.toImgCif(gonio.rotationAxis()), ".");
            t.putDataset("omega_end", end).putAttribute("units", "deg");
            t.putDataset("omega_increment_set", scan.oscillationWidth()).putAttribute("units", "deg");
            return;
        }
        // crystal outwards: axis i depends on axis i+1, the outermost on nothing
        List<String> names = gonio.names();
        String base = "/entry/sample/transformations/";
        sample.putDataset("depends_on", base + names.get(0));
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            double[] values = omega;
            if (i != gonio.scanAxis()) {
                values = new double[n];
                java.util.Arrays.fill(values, gonio.angles()[i]);
            }
            String dependsOn = i + 1 < names.size() ? base + names.get(i + 1) : ".";
            axis(t.putDataset(name, values), "rotation", "deg", NxmxModels.toImgCif(gonio.axes().get(i).normalize()), dependsOn);
            if (i == gonio.scanAxis()) {
                t.putDataset(name + "_end", end).putAttribute("units", "deg");
                t.putDataset(name + "_increment_set", scan.oscillationWidth()).putAttribute("units", "deg");
            }
        }
    }

    private static void axis(WritableDataset d, String type, String units, Vec3 vector, String dependsOn) {
        d.putAttribute("transformation_type", type);
        d.putAttribute("units", units);
        d.putAttribute("vector", vector.toArray());
        d.putAttribute("depends_on", dependsOn);
    }

    private static WritableGroup group(WritableGroup parent, String name, String nxClass) {
        WritableGroup g = parent.putGroup(name);
        g.putAttribute("NX_class", nxClass);
        return g;
    }

}
