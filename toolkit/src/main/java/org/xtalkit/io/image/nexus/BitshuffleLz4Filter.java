package org.xtalkit.io.image.nexus;

import io.jhdf.filter.Filter;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.xtalkit.XtalException;

/**
 * HDF5 filter 32008 (bitshuffle, optionally with LZ4), as Dectris Eiger and Diamond write their
 * images. Registered in META-INF/services/io.jhdf.filter.Filter so that it replaces jhdf's own
 * filter of the same id (which decodes the final partial block wrongly and slowly).
 *
 * <p>Filter parameters (cd_values): 0 filter version, 1 bitshuffle version, 2 element size,
 * 3 block size in elements (0 = default), 4 compression (0 none, 2 LZ4). An LZ4 chunk is a
 * 12-byte header (uint64 BE uncompressed size, uint32 BE block size in bytes) followed, per
 * block, by a uint32 BE compressed size and one LZ4 block of the bit-transposed elements. The
 * last block holds the remaining elements rounded down to a multiple of 8; the final n mod 8
 * elements follow as plain bytes.
 */
public final class BitshuffleLz4Filter implements Filter {
    public static final int ID = 32008;
    private static final int COMPRESS_NONE = 0, COMPRESS_LZ4 = 2, COMPRESS_ZSTD = 3;
    private static final LZ4SafeDecompressor LZ4 = LZ4Factory.fastestInstance().safeDecompressor();

    @Override public int getId() { return ID; }

    @Override public String getName() { return "bitshuffle"; }

    @Override
    public byte[] decode(byte[] encoded, int[] cd) {
        if (cd == null || cd.length < 3 || cd[2] <= 0)
            throw new XtalException("bitshuffle filter: element size missing from the filter parameters (cd_values "
                    + java.util.Arrays.toString(cd) + ")");
        int elemSize = cd[2];
        int compression = cd.length > 4 ? cd[4] : COMPRESS_NONE;
        return switch (compression) {
            case COMPRESS_LZ4 -> decodeLz4(encoded, elemSize);
            case COMPRESS_NONE -> decodePlain(encoded, elemSize, cd.length > 3 ? cd[3] : 0);
            case COMPRESS_ZSTD -> throw new XtalException("bitshuffle filter: zstd compression is not supported "
                    + "(only LZ4 or none)");
            default -> throw new XtalException("bitshuffle filter: unknown compression " + compression
                    + " (expected 0 = none or 2 = LZ4)");
        };
    }

    /** Bitshuffle's default block: 8 kB worth of elements, a multiple of 8, at least 128. */
    static int defaultBlockElements(int elemSize) {
        return Math.max(128, (8192 / elemSize) & ~7);
    }

    private static byte[] decodeLz4(byte[] in, int elemSize) {
        if (in.length < 12) throw corrupt("chunk of " + in.length + " bytes is shorter than its 12-byte header");
        long total = readLong(in, 0);
        int blockBytes = readInt(in, 8);
        if (total < 0 || total > Integer.MAX_VALUE - 16 || total % elemSize != 0)
            throw corrupt("header claims " + total + " uncompressed bytes (element size " + elemSize + ")");
        int blockElems = blockBytes / elemSize;
        if (blockBytes <= 0 || blockBytes % elemSize != 0 || blockElems % 8 != 0)
            throw corrupt("header claims a block of " + blockBytes + " bytes, not a multiple of 8 elements of "
                    + elemSize + " bytes");
        int n = (int) (total / elemSize);
        byte[] out = new byte[(int) total];
        byte[] scratch = new byte[Math.min(blockBytes, (int) total)];
        int pos = 12, start = 0;
        while (start < n) {
            int m = Math.min(blockElems, n - start) & ~7;
            if (m == 0) break;
            if (pos + 4 > in.length) throw corrupt("ends before block at element " + start);
            int csize = readInt(in, pos);
            pos += 4;
            if (csize < 0 || csize > in.length - pos)
                throw corrupt("block at element " + start + " claims " + csize + " compressed bytes, "
                        + (in.length - pos) + " remain");
            int got;
            try {
                got = LZ4.decompress(in, pos, csize, scratch, 0, m * elemSize);
            } catch (RuntimeException e) {
                throw corrupt("LZ4 block at element " + start + " does not decode: " + e.getMessage());
            }
            if (got != m * elemSize)
                throw corrupt("LZ4 block at element " + start + " gave " + got + " bytes, expected " + m * elemSize);
            Bitshuffle.unshuffle(scratch, 0, out, start * elemSize, m, elemSize);
            pos += csize;
            start += m;
        }
        int rest = (n - start) * elemSize;
        if (pos + rest > in.length) throw corrupt("ends inside the " + rest + " unshuffled trailing bytes");
        System.arraycopy(in, pos, out, start * elemSize, rest);
        return out;
    }

    private static byte[] decodePlain(byte[] in, int elemSize, int blockElems) {
        if (in.length % elemSize != 0) throw corrupt(in.length + " bytes is not a whole number of elements");
        if (blockElems == 0) blockElems = defaultBlockElements(elemSize);
        if (blockElems % 8 != 0) throw corrupt("block size " + blockElems + " is not a multiple of 8");
        int n = in.length / elemSize;
        byte[] out = new byte[in.length];
        int start = 0;
        while (start < n) {
            int m = Math.min(blockElems, n - start) & ~7;
            if (m == 0) break;
            Bitshuffle.unshuffle(in, start * elemSize, out, start * elemSize, m, elemSize);
            start += m;
        }
        System.arraycopy(in, start * elemSize, out, start * elemSize, (n - start) * elemSize);
        return out;
    }

    private static XtalException corrupt(String what) {
        return new XtalException("bitshuffle/LZ4 chunk is corrupt: " + what);
    }

    private static int readInt(byte[] b, int p) {
        return (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
    }

    private static long readLong(byte[] b, int p) {
        return (readInt(b, p) & 0xFFFFFFFFL) << 32 | (readInt(b, p + 4) & 0xFFFFFFFFL);
    }
}
