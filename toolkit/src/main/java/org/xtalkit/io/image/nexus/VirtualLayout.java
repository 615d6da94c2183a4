package org.xtalkit.io.image.nexus;

import io.jhdf.GlobalHeap;
import io.jhdf.storage.HdfBackingStorage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The source mappings of an HDF5 virtual dataset: the data layout message of class 3 points to a
 * global heap object listing, per mapping, the source file and dataset and the source and virtual
 * selections (HDF5 File Format Specification IV.A.2.i and the dataspace selection encoding).
 */
final class VirtualLayout {

    /** A hyper-rectangle: start and size per dimension; {@code size == null} selects everything. */
    record Box(long[] start, long[] size) {
        boolean all() { return size == null; }
    }

    /** One mapping: {@code source} of dataset {@code dataset} in {@code file} fills {@code target}. */
    record Mapping(String file, String dataset, List<Box> source, List<Box> target) {}

    private static final int SEL_POINTS = 1, SEL_HYPERSLAB = 2, SEL_ALL = 3;
    private static final long UNLIMITED = -1L;

    private VirtualLayout() {}

    /** The mappings of a virtual dataset whose header messages are given, or null when it is not virtual. */
    static List<Mapping> of(HdfBackingStorage storage, List<RawObjectHeader.Message> messages) {
        for (RawObjectHeader.Message m : messages) {
            if (m.type() != RawObjectHeader.LAYOUT) continue;
            ByteBuffer b = m.body().duplicate().order(ByteOrder.LITTLE_ENDIAN);
            int version = b.get() & 0xFF;
            int layoutClass = b.get() & 0xFF;
            if (version < 3 || layoutClass != 3) return null;
            long heap = RawObjectHeader.readUnsigned(b, storage.getSizeOfOffsets());
            int index = b.getInt();
            ByteBuffer obj = new GlobalHeap(storage, heap).getObjectData(index).order(ByteOrder.LITTLE_ENDIAN);
            return parse(obj, storage.getSizeOfLengths());
        }
        return null;
    }

    static List<Mapping> parse(ByteBuffer b, int sizeOfLengths) {
        int version = b.get() & 0xFF;
        if (version != 0)
            throw new IllegalArgumentException("virtual dataset mapping list version " + version + " (expected 0)");
        long n = RawObjectHeader.readUnsigned(b, sizeOfLengths);
        if (n < 0 || n > 1_000_000) throw new IllegalArgumentException("virtual dataset claims " + n + " mappings");
        List<Mapping> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            String file = cString(b), dataset = cString(b);
            List<Box> source = selection(b), target = selection(b);
            out.add(new Mapping(file, dataset, source, target));
        }
        return out;
    }

    private static List<Box> selection(ByteBuffer b) {
        int type = b.getInt();
        int version = b.getInt();
        if (type == SEL_ALL) {
            b.getInt();
            b.getInt(); // reserved, length
            return List.of(new Box(null, null));
        }
        if (type == SEL_POINTS) throw new IllegalArgumentException("point selections in a virtual dataset are not supported");
        if (type != SEL_HYPERSLAB) throw new IllegalArgumentException("selection type " + type + " in a virtual dataset");
        return switch (version) {
            case 1 -> {
                b.getInt();
                b.getInt(); // reserved, length
                int rank = b.getInt();
                yield irregular(b, rank, b.getInt() & 0xFFFFFFFFL, 4);
            }
            case 2 -> {
                int flags = b.get();
                b.getInt(); // length
                int rank = b.getInt();
                if ((flags & 1) == 0) yield irregular(b, rank, b.getLong(), 8);
                yield regular(b, rank, 8);
            }
            case 3 -> {
                int flags = b.get();
                int enc = b.get();
                int rank = b.getInt();
                if ((flags & 1) != 0) yield regular(b, rank, enc);
                yield irregular(b, rank, read(b, enc), enc);
            }
            default -> throw new IllegalArgumentException("hyperslab selection version " + version);
        };
    }

    /** Blocks listed by start and (inclusive) end corners. */
    private static List<Box> irregular(ByteBuffer b, int rank, long blocks, int enc) {
        List<Box> out = new ArrayList<>();
        for (long k = 0; k < blocks; k++) {
            long[] start = new long[rank], size = new long[rank];
            for (int d = 0; d < rank; d++) start[d] = read(b, enc);
            for (int d = 0; d < rank; d++) size[d] = read(b, enc) - start[d] + 1;
            out.add(new Box(start, size));
        }
        return out;
    }

    /** A regular hyperslab (start, stride, count, block per dimension) as boxes; contiguous runs merged. */
    private static List<Box> regular(ByteBuffer b, int rank, int enc) {
        long[] start = new long[rank], stride = new long[rank], count = new long[rank], block = new long[rank];
        for (int d = 0; d < rank; d++) {
            start[d] = read(b, enc);
            stride[d] = read(b, enc);
            count[d] = read(b, enc);
            block[d] = read(b, enc);
            if (count[d] == UNLIMITED || block[d] == UNLIMITED)
                throw new IllegalArgumentException("unlimited virtual dataset selections are not supported");
            if (stride[d] == block[d] || count[d] == 1) { // contiguous along d
                block[d] = count[d] * block[d];
                count[d] = 1;
            }
        }
        List<Box> out = new ArrayList<>();
        long total = 1;
        for (long c : count) total *= c;
        if (total > 1_000_000) throw new IllegalArgumentException("virtual dataset selection of " + total + " blocks");
        for (long k = 0; k < total; k++) {
            long[] s = new long[rank];
            long rest = k;
            for (int d = rank - 1; d >= 0; d--) {
                s[d] = start[d] + (rest % count[d]) * stride[d];
                rest /= count[d];
            }
            out.add(new Box(s, block.clone()));
        }
        return out;
    }

    private static long read(ByteBuffer b, int enc) {
        long v = RawObjectHeader.readUnsigned(b, enc);
        return enc < 8 && v == (1L << (8 * enc)) - 1 ? UNLIMITED : v;
    }

    private static String cString(ByteBuffer b) {
        int start = b.position(), end = start;
        while (b.get(end) != 0) end++;
        byte[] s = new byte[end - start];
        b.get(s);
        b.get();
        return new String(s, StandardCharsets.UTF_8);
    }
}
