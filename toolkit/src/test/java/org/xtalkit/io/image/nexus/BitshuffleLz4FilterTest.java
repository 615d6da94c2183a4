package org.xtalkit.io.image.nexus;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;
import org.xtalkit.XtalException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The filter against chunks built here with an independent, bit-by-bit forward bitshuffle and
 * lz4-java's compressor, in the layout bitshuffle's HDF5 plugin writes.
 */
class BitshuffleLz4FilterTest {
    private static final LZ4Compressor LZ4 = LZ4Factory.fastestJavaInstance().fastCompressor();

    /** Forward bit transpose of one block, one bit at a time (the definition, not the fast path). */
    static byte[] shuffleBlock(byte[] elems, int off, int n, int es) {
        byte[] out = new byte[n * es];
        int rowBytes = n / 8;
        for (int e = 0; e < n; e++)
            for (int byteInElem = 0; byteInElem < es; byteInElem++)
                for (int bit = 0; bit < 8; bit++) {
                    if ((elems[off + e * es + byteInElem] >> bit & 1) == 0) continue;
                    int row = 8 * byteInElem + bit;
                    out[row * rowBytes + e / 8] |= (byte) (1 << (e % 8));
                }
        return out;
    }

    /** A chunk as the HDF5 plugin writes it: header, LZ4 blocks, unshuffled tail. */
    static byte[] encode(byte[] raw, int es, int blockElems) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.BIG_ENDIAN);
        head.putLong(raw.length).putInt(blockElems * es);
        out.writeBytes(head.array());
        int n = raw.length / es, start = 0;
        while (true) {
            int m = Math.min(blockElems, n - start) / 8 * 8;
            if (m == 0) break;
            byte[] compressed = LZ4.compress(shuffleBlock(raw, start * es, m, es));
            out.writeBytes(ByteBuffer.allocate(4).putInt(compressed.length).array());
            out.writeBytes(compressed);
            start += m;
        }
        out.write(raw, start * es, raw.length - start * es);
        return out.toByteArray();
    }

    /** Detector-like counts: mostly 0-3, a few large, gap pixels 0xFFFFFFFF. */
    static byte[] pixels(int n, int es, long seed) {
        Random r = new Random(seed);
        ByteBuffer b = ByteBuffer.allocate(n * es).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            long v = r.nextInt(10) < 8 ? r.nextInt(4) : r.nextInt(100000);
            if (i % 97 == 5) v = -1;
            if (es == 4) b.putInt((int) v); else b.putShort((short) v);
        }
        return b.array();
    }

    @Test
    void decodesChunkWithPartialFinalBlockAndTailNotMultipleOfEight() {
        int n = 2 * 2048 + 1880 + 2; // two full blocks, a partial block of 1880, 2 plain elements
        byte[] raw = pixels(n, 4, 1);
        byte[] decoded = new BitshuffleLz4Filter().decode(encode(raw, 4, 2048), new int[] {0, 3, 4, 0, 2});
        assertArrayEquals(raw, decoded);
    }

    @Test
    void decodesSixteenBitElementsAndChunksSmallerThanOneBlock() {
        for (int n : new int[] {7, 8, 13, 4096, 4103}) {
            byte[] raw = pixels(n, 2, n);
            byte[] decoded = new BitshuffleLz4Filter().decode(encode(raw, 2, 4096), new int[] {0, 3, 2, 0, 2});
            assertArrayEquals(raw, decoded, "n = " + n);
        }
    }

    @Test
    void decodesFixtureShapedImage() {
        int n = 1090 * 1037; // the fixture's image: 551 full blocks, then 1880 + 2 elements
        byte[] raw = pixels(n, 4, 7);
        assertArrayEquals(raw, new BitshuffleLz4Filter().decode(encode(raw, 4, 2048), new int[] {0, 3, 4, 0, 2}));
    }

    @Test
    void decodesBitshuffleWithoutCompression() {
        int n = 3 * 128 + 20;
        byte[] raw = pixels(n, 4, 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int start = 0;
        for (; n - start >= 8; ) {
            int m = Math.min(128, n - start) / 8 * 8;
            out.writeBytes(shuffleBlock(raw, start * 4, m, 4));
            start += m;
        }
        out.write(raw, start * 4, raw.length - start * 4);
        assertArrayEquals(raw, new BitshuffleLz4Filter().decode(out.toByteArray(), new int[] {0, 3, 4, 128, 0}));
    }

    @Test
    void corruptChunksAreRejectedWithAMessage() {
        byte[] enc = encode(pixels(4096, 4, 5), 4, 2048);
        byte[] truncated = java.util.Arrays.copyOf(enc, enc.length / 2);
        XtalException e = assertThrows(XtalException.class,
                () -> new BitshuffleLz4Filter().decode(truncated, new int[] {0, 3, 4, 0, 2}));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        byte[] absurd = enc.clone();
        absurd[0] = 0x7F; // claims ~9e18 bytes: refused before allocating
        e = assertThrows(XtalException.class, () -> new BitshuffleLz4Filter().decode(absurd, new int[] {0, 3, 4, 0, 2}));
        assertTrue(e.getMessage().contains("uncompressed bytes"), e.getMessage());
    }

    @Test
    void replacesJhdfsBuiltInFilterForId32008() throws Exception {
        var field = io.jhdf.filter.FilterManager.class.getDeclaredField("ID_TO_FILTER");
        field.setAccessible(true);
        Object filter = ((java.util.Map<?, ?>) field.get(null)).get(BitshuffleLz4Filter.ID);
        assertInstanceOf(BitshuffleLz4Filter.class, filter);
    }
}
