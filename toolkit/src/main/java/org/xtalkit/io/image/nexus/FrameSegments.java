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

    /** The runs of a virtual dataset whose mappings each fill whole frames from a 3-d source. */
    private static List<Segment> virtual(Path master, String where, List<VirtualLayout.Mapping> mappings) {
        List<Segment> out = new ArrayList<>();
        for (VirtualLayout.Mapping m : mappings) {
            if (m.target().size() != 1 || m.source().size() != 1)
                throw XtalException.badFile(master, where + ": virtual dataset mapping from " + m.file()
                        + " is not one block (only frame ranges are supported)");
            VirtualLayout.Box t = m.target().get(0), s = m.source().get(0);
            if (t.all()) throw XtalException.badFile(master, where + ": virtual dataset maps onto everything");
            if (t.start().length != 3 || t.start()[1] != 0 || t.start()[2] != 0)
                throw XtalException.badFile(master, where + ": virtual dataset mapping does not fill whole frames");
            if (!s.all() && (s.start().length != 3 || s.start()[1] != 0 || s.start()[2] != 0 || s.size()[0] != t.size()[0]))
                throw XtalException.badFile(master, where + ": virtual dataset source in " + m.file() + " is not a frame range");
            Path file = m.file().equals(".") ? master : linked(master, where, m.file());
            out.add(new Segment(file, m.dataset(), s.all() ? 0 : s.start()[0], t.start()[0], t.size()[0]));
        }
        out.sort(Comparator.comparingLong(Segment::first));
        return out;
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
