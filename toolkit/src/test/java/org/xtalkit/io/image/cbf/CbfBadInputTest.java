package org.xtalkit.io.image.cbf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtalkit.SharedData;
import org.xtalkit.XtalException;
import org.xtalkit.io.image.ImageFormats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broken files fail with a message that names the file and the problem, before big allocations. */
class CbfBadInputTest {
    @TempDir Path dir;

    private static final String HEADER = """
            # Detector: PILATUS 6M, S/N 60-0000
            # 2020-01-01T00:00:00.000
            # Pixel_size 172e-6 m x 172e-6 m
            # Silicon sensor, thickness 0.000450 m
            # Exposure_time 0.1 s
            # Exposure_period 0.1 s
            # Count_cutoff 1000000 counts
            # Wavelength 1.0 A
            # Detector_distance 0.2 m
            # Beam_xy (50, 40) pixels
            # Start_angle 10.0 deg.
            # Angle_increment 0.5 deg.
            """;

    @Test
    void writtenMiniCbfReadsBackWithItsPixelsAndGeometry() {
        int[] px = new int[100 * 80];
        for (int i = 0; i < px.length; i++) px[i] = (i * 7919) % 70000 - 2;
        Path f = dir.resolve("test_0007.cbf");
        MiniCbfWriter.write(f, "PILATUS_1.2", HEADER, 100, 80, px);
        var format = ImageFormats.find(f);
        assertEquals("FormatCBFMiniPilatus", format.name());
        var m = format.readMetadata(f);
        assertEquals(7, m.scan().firstImage());
        assertEquals(-200.0, m.detector().panel(0).origin().z(), 1e-12);
        assertArrayEquals(px, CbfReader.read(f).data());
    }

    @Test
    void truncatedFileIsRejectedNamingTheFile() throws IOException {
        Path real = SharedData.data("image_examples/DLS_I03_smargon_0001.cbf");
        byte[] all = Files.readAllBytes(real);
        Path cut = dir.resolve("cut_0001.cbf");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        XtalException e = assertThrows(XtalException.class, () -> CbfReader.read(cut));
        assertTrue(e.getMessage().contains("cut_0001.cbf") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void corruptByteOffsetStreamIsRejected() throws IOException {
        int[] px = new int[50 * 50];
        Arrays.fill(px, 70000);   // every pixel a 7-byte escape after the first
        Path f = dir.resolve("corrupt_0001.cbf");
        MiniCbfWriter.write(f, "PILATUS_1.2", HEADER, 50, 50, px);
        byte[] b = Files.readAllBytes(f);
        String text = new String(b, StandardCharsets.ISO_8859_1);
        // claim twice the pixels in the same packed bytes: the decoder runs out and must say so
        String bad = text.replace("X-Binary-Number-of-Elements: 2500", "X-Binary-Number-of-Elements: 5000")
                .replace("X-Binary-Size-Second-Dimension: 50", "X-Binary-Size-Second-Dimension: 100");
        Files.write(f, bad.getBytes(StandardCharsets.ISO_8859_1));
        XtalException e = assertThrows(XtalException.class, () -> CbfReader.read(f));
        assertTrue(e.getMessage().contains("corrupt_0001.cbf") && e.getMessage().contains("corrupt or truncated"), e.getMessage());
    }

    @Test
    void absurdHeaderSizesAreRejectedBeforeAllocation() throws IOException {
        Path f = dir.resolve("huge_0001.cbf");
        MiniCbfWriter.write(f, "PILATUS_1.2", HEADER, 10, 10, new int[100]);
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)
                .replace("X-Binary-Number-of-Elements: 100", "X-Binary-Number-of-Elements: 10000000000")
                .replace("X-Binary-Size-Fastest-Dimension: 10", "X-Binary-Size-Fastest-Dimension: 100000")
                .replace("X-Binary-Size-Second-Dimension: 10", "X-Binary-Size-Second-Dimension: 100000");
        Files.write(f, text.getBytes(StandardCharsets.ISO_8859_1));
        XtalException e = assertThrows(XtalException.class, () -> CbfReader.read(f));
        assertTrue(e.getMessage().contains("huge_0001.cbf") && e.getMessage().contains("100000 x 100000"), e.getMessage());

        Path g = dir.resolve("bigsize_0001.cbf");
        MiniCbfWriter.write(g, "PILATUS_1.2", HEADER, 10, 10, new int[100]);
        String t2 = new String(Files.readAllBytes(g), StandardCharsets.ISO_8859_1).replaceFirst("X-Binary-Size: \\d+", "X-Binary-Size: 2000000000");
        Files.write(g, t2.getBytes(StandardCharsets.ISO_8859_1));
        e = assertThrows(XtalException.class, () -> CbfReader.read(g));
        assertTrue(e.getMessage().contains("bigsize_0001.cbf") && e.getMessage().contains("2000000000 binary bytes"), e.getMessage());
    }

    @Test
    void unknownFormatIsNamed() throws IOException {
        Path f = dir.resolve("notes_0001.txt");
        Files.writeString(f, "these are not diffraction images\n");
        XtalException e = assertThrows(XtalException.class, () -> ImageFormats.find(f));
        assertTrue(e.getMessage().contains("notes_0001.txt") && e.getMessage().contains("unknown image format"), e.getMessage());
        XtalException n = assertThrows(XtalException.class, () -> CbfReader.read(f));
        assertTrue(n.getMessage().contains("not a CBF file"), n.getMessage());
    }
}
