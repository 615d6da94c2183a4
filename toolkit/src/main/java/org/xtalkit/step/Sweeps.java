package org.xtalkit.step;

import org.xtalkit.XtalException;
import org.xtalkit.io.image.FormatMetadata;
import org.xtalkit.io.image.ImageFormat;
import org.xtalkit.io.image.ImageFormats;
import org.xtalkit.io.image.Template;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Beam;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * How dials.import turns image files into sweeps: files named by one template with consecutive
 * numbers, the same format and models, and scans that continue each other form one sweep;
 * zero-width scans of one template form a sequence of stills; container files are their own sweep.
 */
final class Sweeps {
    private Sweeps() {}

    /** One image file (or container) with what its format reads from it. */
    record Item(Path file, ImageFormat format, FormatMetadata meta, Template template) {}

    /** A run of items that dials.import makes into one image sequence. */
    record Group(List<Item> items, Scan scan) {
        ImageFormat format() { return items.get(0).format; }
        FormatMetadata first() { return items.get(0).meta; }
        boolean still() { return scan == null || scan.isStill(); }
        boolean container() { return items.get(0).meta.frames() > 1 || items.get(0).template == null; }
    }

    /**
     * Files named by the inputs: a file, a directory (its files), a template with '#', or a glob in
     * the file name ({@code ins10_?.nxs}, {@code *.cbf}: the shell's job on the command line, done
     * here for notebooks), its matches in name order.
     */
    static List<Path> expand(List<String> inputs) {
        List<Path> files = new ArrayList<>();
        for (String in : inputs) {
            Path p = Path.of(in).toAbsolutePath().normalize();
            if (in.contains("#")) {
                String name = p.getFileName().toString();
                List<Integer> numbers = Template.matching(p.getParent(), name);
                if (numbers.isEmpty()) throw XtalException.badFile(p, "template matches no files");
                for (int n : numbers) files.add(p.resolveSibling(Template.fileName(name, n)));
            } else if (isGlob(p)) {
                PathMatcher m = p.getFileSystem().getPathMatcher("glob:" + p.getFileName());
                List<Path> matched = new ArrayList<>();
                try (Stream<Path> s = Files.list(p.getParent())) {
                    s.filter(f -> Files.isRegularFile(f) && m.matches(f.getFileName())).sorted().forEach(matched::add);
                } catch (IOException e) {
                    throw XtalException.badFile(p.getParent(), "cannot list the directory (" + e.getMessage() + ")", e);
                }
                if (matched.isEmpty()) throw XtalException.badFile(p, "the pattern matches no files");
                files.addAll(matched);
            } else if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw XtalException.badFile(p, "cannot list the directory (" + e.getMessage() + ")", e);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw XtalException.badFile(in, "no such file, directory or template");
            }
        }
        if (files.isEmpty()) throw new XtalException("import: no image files given");
        return files;
    }

    private static boolean isGlob(Path p) {
        String name = p.getFileName().toString();
        return !Files.exists(p) && p.getParent() != null && Files.isDirectory(p.getParent())
                && (name.contains("*") || name.contains("?") || name.contains("["));
    }

    /** Recognises each file, reading its models; files of one template are sorted by image number. */
    static List<Item> recognise(List<Path> files, int[] imageRange) {
        List<Item> items = new ArrayList<>();
        ImageFormat previous = null;
        for (Path f : files) {
            Template t = Template.of(f.getFileName().toString());
            if (imageRange != null && t != null && !isContainerName(f) && (t.number() < imageRange[0] || t.number() > imageRange[1]))
                continue;
            // the format that read the previous file almost always reads the next: ask it first
            ImageFormat format = previous != null && previous.understands(f) ? previous : ImageFormats.find(f);
            previous = format;
            items.add(new Item(f, format, format.readMetadata(f), t));
        }
        if (items.isEmpty()) throw new XtalException("import: no images inside image_range "
                + imageRange[0] + "," + imageRange[1]);
        items.sort(Comparator.comparing((Item i) -> i.file.getParent().toString())
                .thenComparing(i -> i.template == null ? i.file.getFileName().toString() : i.template.template())
                .thenComparingInt(i -> i.template == null ? 0 : i.template.number()));
        return items;
    }

    private static boolean isContainerName(Path f) {
        String n = f.getFileName().toString().toLowerCase();
        return n.endsWith(".h5") || n.endsWith(".nxs") || n.endsWith(".hdf5") || n.endsWith(".nx5");
    }

    /** Consecutive items that continue each other, grouped. */
    static List<Group> group(List<Item> items) {
        List<Group> groups = new ArrayList<>();
        List<Item> run = new ArrayList<>();
        Scan scan = null;
        for (Item it : items) {
            boolean single = it.meta.frames() > 1 || it.template == null;
            if (!run.isEmpty() && !single && continues(run.get(run.size() - 1), scan, it)) {
                run.add(it);
                scan = append(scan, it.meta.scan());
                continue;
            }
            if (!run.isEmpty()) groups.add(new Group(run, scan));
            run = new ArrayList<>(List.of(it));
            scan = it.meta.scan();
            if (single) { groups.add(new Group(run, scan)); run = new ArrayList<>(); scan = null; }
        }
        if (!run.isEmpty()) groups.add(new Group(run, scan));
        return groups;
    }

    private static boolean continues(Item last, Scan scan, Item next) {
        if (last.meta.frames() > 1 || last.template == null) return false;
        if (last.format != next.format || !last.template.template().equals(next.template.template())) return false;
        if (!last.file.getParent().equals(next.file.getParent())) return false;
        if (next.template.number() != last.template.number() + 1) return false;
        if (scan == null || next.meta.scan() == null) return false;
        Scan s = next.meta.scan();
        if (scan.isStill() != s.isStill()) return false;
        if (!scan.isStill()) {
            double width = scan.oscillationWidth();
            if (Math.abs(s.oscillationWidth() - width) > 1e-6 * Math.abs(width)) return false;
            double end = scan.oscillationStart() + scan.numImages() * width;
            if (Math.abs(angleDiff(end, s.oscillationStart())) > 0.01 * Math.abs(width)) return false;
        }
        return sameBeam(last.meta.beam(), next.meta.beam()) && sameDetector(last.meta.detector(), next.meta.detector())
                && sameGoniometer(last.meta.goniometer(), next.meta.goniometer());
    }

    private static double angleDiff(double a, double b) {
        double d = (a - b) % 360.0;
        if (d > 180) d -= 360;
        if (d < -180) d += 360;
        return d;
    }

    private static Scan append(Scan scan, Scan next) {
        int n = scan.numImages();
        double[] exp = java.util.Arrays.copyOf(scan.exposureTimes(), n + 1);
        double[] ep = java.util.Arrays.copyOf(scan.epochs(), n + 1);
        exp[n] = next.exposureTimes().length > 0 ? next.exposureTimes()[0] : 0;
        ep[n] = next.epochs().length > 0 ? next.epochs()[0] : 0;
        return new Scan(scan.firstImage(), next.lastImage(), scan.batchOffset(), scan.oscillationStart(),
                scan.oscillationWidth(), exp, ep);
    }

    static boolean sameBeam(Beam a, Beam b) {
        return close(a.wavelength(), b.wavelength()) && close(a.direction(), b.direction());
    }

    static boolean sameDetector(Detector a, Detector b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            Panel p = a.panel(i), q = b.panel(i);
            if (!close(p.origin(), q.origin()) || !close(p.fastAxis(), q.fastAxis()) || !close(p.slowAxis(), q.slowAxis())
                    || p.imageSizeFast() != q.imageSizeFast() || p.imageSizeSlow() != q.imageSizeSlow()
                    || !close(p.pixelSizeFast(), q.pixelSizeFast()))
                return false;
        }
        return true;
    }

    /** Same axes and fixed/setting rotations: the scan axis angle itself may move between images. */
    static boolean sameGoniometer(Goniometer a, Goniometer b) {
        if (a == null || b == null) return a == b;
        return close(a.rotationAxis(), b.rotationAxis()) && close(a.fixedRotation(), b.fixedRotation())
                && close(a.settingRotation(), b.settingRotation());
    }

    private static boolean close(double a, double b) { return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a)); }

    private static boolean close(Vec3 a, Vec3 b) { return close(a.x(), b.x()) && close(a.y(), b.y()) && close(a.z(), b.z()); }

    private static boolean close(Mat3 a, Mat3 b) {
        double[] x = a.toArray(), y = b.toArray();
        for (int i = 0; i < 9; i++) if (!close(x[i], y[i])) return false;
        return true;
    }
}
