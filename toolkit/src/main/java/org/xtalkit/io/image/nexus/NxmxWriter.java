package org.xtalkit.io.image.nexus;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import org.xtalkit.XtalException;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a rotation sweep of one flat panel as an NXmx file that {@link NxmxFormat} and dxtbx's
 * FormatNXmx read back to the same models: images in /entry/data/data, one deflated chunk per
 * image; geometry as McStas transformation chains (module_offset places the panel corner, the
 * pixel directions hang from it; omega carries the scan).
 *
 * <p>jhdf 0.13 writes hard links only (no external links, no virtual datasets) and holds the file
 * in memory until it closes, so this writes one self-contained file rather than an Eiger-style
 * master with linked data files; fine for simulated sweeps of tens of images.
 */
public final class NxmxWriter {
    private NxmxWriter() {}

    /**
     * @param file      the .nxs/.h5 file to write (via a temporary file in the same folder, then renamed)
     * @param beam      the beam (only the wavelength is NXmx data; the direction is along -z)
     * @param panel     the panel (its origin, axes, pixel size, trusted range, sensor)
     * @param axis      the rotation axis (imgCIF frame)
     * @param scan      the scan: one image per entry of {@code images}
     * @param images    the counts, slow-major, one int[] per image
     * @param goodPixel the static mask written as pixel_mask (false = gap/bad), or null
     */
    public static void write(Path file, Beam beam, Panel panel, Vec3 axis, Scan scan, int[][] images, boolean[] goodPixel) {
        int ny = panel.imageSizeSlow(), nx = panel.imageSizeFast();
        if (images.length != scan.numImages())
            throw new IllegalArgumentException(images.length + " images for a scan of " + scan.numImages());
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        try (WritableHdfFile out = HdfFile.write(tmp)) {
            WritableGroup entry = group(out, "entry", "NXentry");
            entry.putDataset("definition", "NXmx");
            WritableGroup instrument = group(entry, "instrument", "NXinstrument");
            instrument.putDataset("name", "XTALKIT SIMULATION");
            WritableGroup nxBeam = group(instrument, "beam", "NXbeam");
            nxBeam.putDataset("incident_wavelength", beam.wavelength()).putAttribute("units", "angstrom");
            detector(group(instrument, "detector", "NXdetector"), panel, scan, goodPixel);
            sample(group(entry, "sample", "NXsample"), axis, scan);
            WritableGroup data = group(entry, "data", "NXdata");
            data.putAttribute("signal", "data");
            int[][][] cube = new int[images.length][ny][nx];
            for (int i = 0; i < images.length; i++) {
                if (images[i].length != ny * nx)
                    throw new IllegalArgumentException("image " + (i + 1) + " has " + images[i].length + " pixels, expected " + ny * nx);
                for (int y = 0; y < ny; y++) System.arraycopy(images[i], y * nx, cube[i][y], 0, nx);
            }
            data.putDataset("data", cube, DatasetCreationOptions.builder().chunkDimensions(1, ny, nx).deflate(4).build());
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw new XtalException(file + ": cannot write NXmx file: " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new XtalException(file + ": cannot write NXmx file: " + e.getMessage(), e);
        }
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

    private static void sample(WritableGroup sample, Vec3 axis, Scan scan) {
        sample.putDataset("depends_on", "/entry/sample/transformations/omega");
        WritableGroup t = group(sample, "transformations", "NXtransformations");
        double[] omega = new double[scan.numImages()], end = new double[scan.numImages()];
        for (int i = 0; i < omega.length; i++) {
            omega[i] = scan.oscillationStart() + i * scan.oscillationWidth();
            end[i] = omega[i] + scan.oscillationWidth();
        }
        axis(t.putDataset("omega", omega), "rotation", "deg", NxmxModels.toImgCif(axis.normalize()), ".");
        t.putDataset("omega_end", end).putAttribute("units", "deg");
        t.putDataset("omega_increment_set", scan.oscillationWidth()).putAttribute("units", "deg");
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

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the temporary file is left behind; the target was not touched
        }
    }
}
