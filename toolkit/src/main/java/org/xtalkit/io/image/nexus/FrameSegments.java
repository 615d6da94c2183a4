package org.xtalkit.io.image.nexus;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import org.xtalkit.XtalException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the frames of an NXmx file live: a list of runs of consecutive frames, each in one dataset
 * of one file. Eiger masters list their data files as /entry/data/data_NNNNNN (external links,
 * read in name order, as dxtbx's Eiger filewriter format does); otherwise the NXdata signal
 * dataset is read, following an external link or, for a virtual dataset, its source mappings.
 */
final class FrameSegments {

    /**
     * Frames {@code first .. first+count-1} of the sweep are frames {@code sourceStart..} of
     * {@code dataset} in {@code file}; {@code address} is its object header when it must be opened
     * by address (beside a virtual dataset jhdf cannot open its group), else -1.
     */
    record Segment(Path file, String dataset, long address, long sourceStart, long first, long count) {
        Segment(Path file, String dataset, long sourceStart, long first, long count) {
            this(file, dataset, -1, sourceStart, first, count);
        }

        Dataset open(HdfFile f) {
            Node n = address >= 0 ? f.getNodeByAddress(address) : NxTree.target(f.getByPath(dataset));
            if (!(n instanceof Dataset d)) throw XtalException.badFile(file, dataset + " is not a dataset");
            return d;
        }
    }

    private static final Pattern EIGER_DATA = Pattern.compile("data_\\d+");

    private FrameSegments() {}

    static List<Segment> of(Path master, HdfFile file, Group entry) {
        Group nxData = NxTree.child(entry, "NXdata");
        if (nxData == null) throw XtalException.badFile(master, NxmxModels.path(entry) + " has no NXdata group");
        List<Hdf5Links.Link> links;
        try {
            links = Hdf5Links.list(file.getHdfBackingStorage(), nxData.getAddress());
        } catch (UnsupportedOperationException e) { // dense group: jhdf lists those (no virtual dataset inside then)
            links = new ArrayList<>();
            for (var c : nxData.getChildren().entrySet())
                links.add(new Hdf5Links.Link(c.getKey(), Hdf5Links.Kind.HARD, c.getValue().getAddress(), null, null));
        }
        String group = NxmxModels.path(nxData);
        List<Hdf5Links.Link> eiger = links.stream().filter(l -> EIGER_DATA.matcher(l.name()).matches())
                .sorted(Comparator.comparing(Hdf5Links.Link::name)).toList();
        List<Segment> out = new ArrayList<>();
        if (!eiger.isEmpty()) {
            long first = 0;
            for (Hdf5Links.Link l : eiger) {
                Segment s = whole(master, file, group, l, first);
                out.add(s);
                first += s.count();
            }
            return out;
        }
        String signal = NxTree.attrString(nxData, "signal");
        Hdf5Links.Link link = links.stream().filter(l -> l.name().equals(signal)).findFirst()
                .orElse(links.isEmpty() ? null : links.get(0));
        if (link == null) throw XtalException.badFile(master, group + " holds no image dataset");
        if (link.kind() == Hdf5Links.Kind.HARD) {
            var messages = RawObjectHeader.read(file.getHdfBackingStorage(), link.address());
            var mappings = VirtualLayout.of(file.getHdfBackingStorage(), messages);
            if (mappings != null) return virtual(master, group + "/" + link.name(), mappings);
        }
        out.add(whole(master, file, group, link, 0));
        return out;
    }

    /** A whole dataset reached through one link. */
    private static Segment whole(Path master, HdfFile file, String group, Hdf5Links.Link l, long first) {
        String where = group + "/" + l.name();
        return switch (l.kind()) {
            case HARD -> {
                Segment s = new Segment(master, where, l.address(), 0, first, 0);
                yield new Segment(master, where, l.address(), 0, first, frames(master, s.open(file), where));
            }
            case SOFT -> {
                Node n = NxTree.target(file.getByPath(l.path()));
                if (!(n instanceof Dataset d)) throw XtalException.badFile(master, where + " -> " + l.path() + " is not a dataset");
                yield new Segment(master, l.path(), 0, first, frames(master, d, where));
            }
            case EXTERNAL -> {
                Path target = linked(master, where, l.file());
                try (HdfFile ext = new HdfFile(target)) {
                    Node n = ext.getByPath(l.path());
                    if (!(n instanceof Dataset d))
                        throw XtalException.badFile(master, where + " links to " + l.path() + " in " + target + ", which is not a dataset");
                    yield new Segment(target, l.path(), 0, first, frames(target, d, l.path()));
                } catch (XtalException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw XtalException.badFile(master, where + " links to " + l.path() + " in " + target
                            + ", which cannot be read: " + e.getMessage(), e);
                }
            }
        };
    }

    /**
     * The runs of a virtual dataset whose mappings fill whole frames. HDF5 pairs the elements of
     * the source and virtual selections in order, so the target blocks (frame ranges, possibly
     * strided, as odin interleaves its writers) take the source frames one after another.
     */
    private static List<Segment> virtual(Path master, String where, List<VirtualLayout.Mapping> mappings) {
        List<Segment> out = new ArrayList<>();
        for (VirtualLayout.Mapping m : mappings) {
            Path file = m.file().equals(".") ? master : linked(master, where, m.file());
            List<VirtualLayout.Box> targets = new ArrayList<>(m.target());
            targets.sort(Comparator.comparingLong(b -> b.all() ? 0 : b.start()[0]));
            boolean sourceAll = m.source().size() == 1 && m.source().get(0).all();
            for (VirtualLayout.Box b : m.source())
                if (!b.all() && !wholeFrames(b))
                    throw XtalException.badFile(master, where + ": virtual dataset source in " + m.file() + " is not a frame range");
            long consumed = 0; // source frames used so far, over the source boxes in order
            int box = 0;
            long inBox = 0;
            for (VirtualLayout.Box t : targets) {
                if (t.all() || !wholeFrames(t))
                    throw XtalException.badFile(master, where + ": virtual dataset mapping from " + m.file()
                            + " does not fill whole frames (only frame ranges are supported)");
                long frame = t.start()[0], need = t.size()[0];
                while (need > 0) {
                    long sourceStart, take;
                    if (sourceAll) {
                        sourceStart = consumed;
                        take = need;
                    } else {
                        if (box >= m.source().size())
                            throw XtalException.badFile(master, where + ": virtual dataset source in " + m.file()
                                    + " has fewer frames than its target");
                        VirtualLayout.Box sb = m.source().get(box);
                        sourceStart = sb.start()[0] + inBox;
                        take = Math.min(need, sb.size()[0] - inBox);
                        inBox += take;
                        if (inBox == sb.size()[0]) { box++; inBox = 0; }
                    }
                    out.add(new Segment(file, m.dataset(), sourceStart, frame, take));
                    consumed += take;
                    frame += take;
                    need -= take;
                }
            }
        }
        out.sort(Comparator.comparingLong(Segment::first));
        return out;
    }

    /** A box of a (frames, slow, fast) dataset that covers whole frames. */
    private static boolean wholeFrames(VirtualLayout.Box b) {
        return b.start().length == 3 && b.start()[1] == 0 && b.start()[2] == 0;
    }

    /** A linked file, resolved as HDF5 does: relative names next to the file that holds the link. */
    static Path linked(Path master, String where, String name) {
        Path p = Path.of(name);
        Path resolved = p.isAbsolute() ? p : master.toAbsolutePath().getParent().resolve(p);
        if (!Files.isRegularFile(resolved) && p.isAbsolute()) resolved = master.toAbsolutePath().getParent().resolve(p.getFileName());
        if (!Files.isRegularFile(resolved))
            throw XtalException.badFile(master, where + " is a link to " + name + ", which does not exist (looked for "
                    + resolved + ")");
        return resolved;
    }

    private static long frames(Path file, Dataset d, String where) {
        int[] dims = d.getDimensions();
        if (dims.length < 3) throw XtalException.badFile(file, where + " has shape " + java.util.Arrays.toString(dims)
                + ", expected (frames, slow, fast)");
        return dims[0];
    }
}
