package org.xtalkit.io.image.cbf;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ByteOffsetTest {

    @Test
    void knownBytesDecodeAcrossEveryEscapeWidth() {
        // 5, then +130 (int16), then +70000 (int32), then -70135 back to 0, then -1
        byte[] packed = {5, (byte) 0x80, (byte) 130, 0, (byte) 0x80, 0, (byte) 0x80,
                0x70, 0x11, 0x01, 0x00, (byte) 0x80, 0x00, (byte) 0x80, 0x09, (byte) 0xEE, (byte) 0xFE, (byte) 0xFF, -1};
        int[] out = new int[5];
        assertEquals(packed.length, ByteOffset.decode(packed, 0, packed.length, out));
        assertArrayEquals(new int[] {5, 135, 70135, 0, -1}, out);
        assertArrayEquals(packed, ByteOffset.encode(out));
    }

    @Test
    void encodeThenDecodeIsExactForDetectorLikeAndExtremeValues() {
        Random r = new Random(42);
        int[] px = new int[100_003];
        for (int i = 0; i < px.length; i++) {
            int k = r.nextInt(100);
            px[i] = k < 80 ? r.nextInt(20) : k < 95 ? r.nextInt(60000) : k < 98 ? -1 : (k == 98 ? Integer.MAX_VALUE : Integer.MIN_VALUE);
        }
        byte[] packed = ByteOffset.encode(px);
        int[] back = new int[px.length];
        assertEquals(packed.length, ByteOffset.decode(packed, 0, packed.length, back));
        assertArrayEquals(px, back);
    }

    @Test
    void runningOutOfBytesIsReportedNotReadPastTheEnd() {
        int[] px = new int[1000];
        for (int i = 0; i < px.length; i++) px[i] = i * 1000;
        byte[] packed = ByteOffset.encode(px);
        byte[] padded = java.util.Arrays.copyOf(packed, packed.length + 100);   // bytes beyond the section are not pixels
        assertThrows(ByteOffset.TruncatedException.class, () -> ByteOffset.decode(padded, 0, packed.length - 2, new int[1000]));
    }
}
