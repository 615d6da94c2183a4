package org.xtalkit.io.image.nexus;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads one frame of a (frames, slow, fast) integer dataset into an int[] (slow-major), chunk by
 * chunk through {@link ChunkedDataset#getDecompressedChunk} (so the registered filters decode),
 * or as a slice for contiguous storage. Unsigned 32-bit counts keep their bits (0xFFFFFFFF reads
 * as -1, as dxtbx casts them); 16- and 8-bit unsigned counts are widened.
 */
final class FrameReader {
    private final Dataset dataset;
    private final HdfFile file;
    private final int ny, nx, elemSize;
    private final boolean signed;
    private final ByteOrder order;
    private final int[] chunk; // chunk dimensions, or null for contiguous data

    FrameReader(Dataset dataset, HdfFile file) {
        this.dataset = dataset;
        this.file = file;
        int[] dims = dataset.getDimensions();
        if (dims.length != 3) throw new IllegalArgumentException(dataset.getPath() + " has " + dims.length
                + " dimensions, expected 3 (frames, slow, fast)");
        ny = dims[1];
        nx = dims[2];
        DataType type = dataset.getDataType();
        if (!(type instanceof FixedPoint fp))
            throw new IllegalArgumentException(dataset.getPath() + " holds " + type.getClass().getSimpleName()
                    + " values, expected integer counts");
        elemSize = fp.getSize();
        if (elemSize != 1 && elemSize != 2 && elemSize != 4)
            throw new IllegalArgumentException(dataset.getPath() + " holds " + 8 * elemSize + "-bit integers, expected 8, 16 or 32");
        signed = fp.isSigned();
        order = fp.getByteOrder();
        chunk = dataset instanceof ChunkedDataset c ? c.getChunkDimensions() : null;
        if (chunk != null && chunk.length != 3) throw new IllegalArgumentException(dataset.getPath() + ": chunks of rank " + chunk.length);
    }

    HdfFile file() { return file; }

    /** True when the file's channel was closed under us (an interrupted reader closes it for all). */
    boolean channelClosed() {
        var channel = file.getHdfBackingStorage().getFileChannel();
        return channel != null && !channel.isOpen();
    }

    int ny() { return ny; }
    int nx() { return nx; }

    /** Frame {@code f} of the dataset. */
    int[] read(long f) {
        int[] out = new int[ny * nx];
        if (chunk == null) {
            Object slice = dataset.getData(new long[] {f, 0, 0}, new int[] {1, ny, nx});
            double[] v = NxTree.doubles(slice);
            for (int i = 0; i < out.length; i++) out[i] = (int) (long) v[i];
            return out;
        }
        ChunkedDataset c = (ChunkedDataset) dataset;
        int cf = chunk[0], cy = chunk[1], cx = chunk[2];
        int frameInChunk = (int) (f % cf);
        int chunkFrame = (int) (f - frameInChunk);
        for (int y0 = 0; y0 < ny; y0 += cy) {
            for (int x0 = 0; x0 < nx; x0 += cx) {
                byte[] bytes = c.getDecompressedChunk(new int[] {chunkFrame, y0, x0});
                int plane = cy * cx;
                if (bytes.length < (long) cf * plane * elemSize)
                    throw new IllegalArgumentException(dataset.getPath() + ": chunk at frame " + chunkFrame + " decodes to "
                            + bytes.length + " bytes, expected " + (long) cf * plane * elemSize);
                ByteBuffer b = ByteBuffer.wrap(bytes).order(order);
                int rows = Math.min(cy, ny - y0), cols = Math.min(cx, nx - x0);
                int base = frameInChunk * plane;
                if (cols == nx && cx == nx) convert(b, base, out, y0 * nx, rows * nx);
                else for (int r = 0; r < rows; r++) convert(b, base + r * cx, out, (y0 + r) * nx + x0, cols);
            }
        }
        return out;
    }

    /** {@code n} elements from element index {@code from} of {@code b} to {@code dst[at..]}. */
    private void convert(ByteBuffer b, int from, int[] dst, int at, int n) {
        switch (elemSize) {
            case 4 -> b.position(from * 4).asIntBuffer().get(dst, at, n);
            case 2 -> {
                var s = b.position(from * 2).asShortBuffer();
                if (signed) for (int i = 0; i < n; i++) dst[at + i] = s.get(i);
                else for (int i = 0; i < n; i++) dst[at + i] = s.get(i) & 0xFFFF;
            }
            default -> {
                if (signed) for (int i = 0; i < n; i++) dst[at + i] = b.get(from + i);
                else for (int i = 0; i < n; i++) dst[at + i] = b.get(from + i) & 0xFF;
            }
        }
    }
}
