package org.xtalkit.io.image.smv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtalkit.ModelAssert;
import org.xtalkit.SharedData;
import org.xtalkit.XtalException;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.image.FormatMetadata;
import org.xtalkit.io.image.ImageFormat;
import org.xtalkit.io.image.ImageFormats;
import org.xtalkit.io.image.ImageSource;
import org.xtalkit.model.Experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** There is no SMV fixture: we write ADSC images as the insulin data's Q4 wrote them and read them back. */
class FormatSMVADSCTest {
    @TempDir Path dir;

    /** An ADSC SMV file: a 512-byte header, then uint16 pixels. */
    static void writeSmv(Path file, int size, double osc, boolean bigEndian, int[] pixels) throws IOException {
        String h = "{\nHEADER_BYTES=  512;\nDIM=2;\nBYTE_ORDER=" + (bigEndian ? "big_endian" : "little_endian")
                + ";\nTYPE=unsigned_short;\nSIZE1=" + size + ";\nSIZE2=" + size + ";\nPIXEL_SIZE=0.0816;\nBIN=2x2;\n"
                + "DATE=Thu Aug 31 13:52:46 2006;\nTIME=30.0;\nDISTANCE=160.0;\nOSC_RANGE=" + osc + ";\nPHI=0.0;\n"
                + "OSC_START=0.0;\nTWOTHETA=0;\nAXIS=phi;\nWAVELENGTH=0.979;\nBEAM_CENTER_X=94.0;\nBEAM_CENTER_Y=94.7;\n}\f";
        byte[] header = Arrays.copyOf(h.getBytes(StandardCharsets.US_ASCII), 512);
        byte[] out = Arrays.copyOf(header, 512 + 2 * pixels.length);
        for (int i = 0; i < pixels.length; i++) {
            byte lo = (byte) pixels[i], hi = (byte) (pixels[i] >> 8);
            out[512 + 2 * i] = bigEndian ? hi : lo;
            out[513 + 2 * i] = bigEndian ? lo : hi;
        }
        Files.write(file, out);
    }

    @Test
    void insulinLikeHeaderGivesTheModelsOfInsulinImportedExpt() throws IOException {
        Path f = dir.resolve("insulin_1_001.img");
        writeSmv(f, 2304, 1.0, false, new int[2304 * 2304]);
        ImageFormat format = ImageFormats.find(f);
        assertEquals("FormatSMVADSC", format.name());
        FormatMetadata m = format.readMetadata(f);
        Experiment ref = ExptFile.read(SharedData.data("insulin_processed/imported.expt")).get(0);
        ModelAssert.beam(ref.beam(), m.beam());
        ModelAssert.detector(ref.detector(), m.detector());
        ModelAssert.goniometer(ref.goniometer(), m.goniometer());
        ModelAssert.scan(ref.scan().subRange(1, 1), m.scan());
    }

    @Test
    void pixelsReadBackInEitherByteOrder() throws IOException {
        int[] px = new int[64 * 64];
        for (int i = 0; i < px.length; i++) px[i] = (i * 7919) & 0xffff;
        for (boolean big : new boolean[] {false, true}) {
            Path f = dir.resolve("t" + big + "_001.img");
            writeSmv(f, 64, -0.5, big, px);
            ImageFormat format = ImageFormats.find(f);
            assertEquals(-1.0, format.readMetadata(f).goniometer().rotationAxis().x(), "negative OSC_RANGE turns the axis");
            try (ImageSource src = format.open(List.of(f))) {
                assertArrayEquals(px, src.read(0)[0]);
            }
        }
    }

    @Test
    void truncatedAndAbsurdSmvAreRejected() throws IOException {
        Path f = dir.resolve("short_001.img");
        writeSmv(f, 64, 1.0, false, new int[64 * 64]);
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, 600));
        XtalException e = assertThrows(XtalException.class,
                () -> ImageFormats.find(f).open(List.of(f)).read(0));
        assertTrue(e.getMessage().contains("short_001.img") && e.getMessage().contains("truncated"), e.getMessage());
        Path g = dir.resolve("huge_001.img");
        Files.write(g, new String(all, StandardCharsets.ISO_8859_1).replace("HEADER_BYTES=  512", "HEADER_BYTES=99999999")
                .getBytes(StandardCharsets.ISO_8859_1));
        e = assertThrows(XtalException.class, () -> SmvHeader.read(g));
        assertTrue(e.getMessage().contains("huge_001.img") && e.getMessage().contains("HEADER_BYTES=99999999"), e.getMessage());
    }
}
