package org.xtalkit.io.image.nexus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xtalkit.XtalException;
import org.xtalkit.io.image.FormatMetadata;
import org.xtalkit.model.Goniometer;
import org.xtalkit.model.Panel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;
import static org.xtalkit.io.image.nexus.NxmxFormatTest.assertClose;
import static org.xtalkit.io.image.nexus.NxmxFormatTest.assertVec;

/**
 * Layouts the shared fixtures do not cover, against what dxtbx 3.12 makes of them (files and
 * expected.json written by src/test/resources/nexus/make_fixtures.py with Debian's DIALS): a
 * kappa-like multi-axis goniometer with a translation in its chain, a detector on a 2θ arm with
 * lengths in m and mm and offsets, uint16 counts with bit_depth_readout flags, chunks that do
 * not tile the image, two detector modules in one array, and a virtual dataset mapping a
 * hyperslab of an external file plus a dataset of its own file, contiguous signed 16-bit data,
 * a virtual dataset interleaving two files in strided blocks of frames (odin style).
 * Also the errors for a missing virtual dataset source and a truncated file.
 */
class NxmxLayoutsTest {
    private static final JsonNode EXPECTED = load();

    private static JsonNode load() {
        try {
            return new ObjectMapper().readTree(NxmxLayoutsTest.class.getResource("/nexus/expected.json"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Path resource(String name) throws Exception {
        return Path.of(NxmxLayoutsTest.class.getResource("/nexus/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiaxis.nxs", "twomodule.nxs", "vds.nxs", "contiguous.nxs", "interleaved.nxs"})
    void modelsEqualDxtbx(String name) throws Exception {
        JsonNode e = EXPECTED.get(name);
        JsonNode models = e.get("models");
        FormatMetadata m = new NxmxFormat().readMetadata(resource(name));
        assertClose(models.get("beam").get(0).get("wavelength").asDouble(), m.beam().wavelength());
        JsonNode panels = models.get("detector").get(0).get("panels");
        assertEquals(panels.size(), m.detector().size());
        for (int i = 0; i < panels.size(); i++) {
            JsonNode p = panels.get(i), lab = e.get("panels_lab").get(i);
            Panel panel = m.detector().panel(i);
            assertEquals(p.get("name").asText(), panel.name());
            assertVec(lab.get("fast_axis"), panel.fastAxis());
            assertVec(lab.get("slow_axis"), panel.slowAxis());
            assertVec(lab.get("origin"), panel.origin());
            assertEquals(p.get("image_size").get(0).asInt(), panel.imageSizeFast());
            assertEquals(p.get("image_size").get(1).asInt(), panel.imageSizeSlow());
            assertClose(p.get("pixel_size").get(0).asDouble(), panel.pixelSizeFast());
            assertClose(p.get("pixel_size").get(1).asDouble(), panel.pixelSizeSlow());
            assertClose(p.get("trusted_range").get(0).asDouble(), panel.trustedMin());
            assertClose(p.get("trusted_range").get(1).asDouble(), panel.trustedMax());
            assertClose(p.get("thickness").asDouble(), panel.thickness());
            assertEquals(p.get("material").asText(), panel.material());
            assertClose(p.get("mu").asDouble(), panel.mu());
        }
        assertSameHierarchy(models.get("detector").get(0).get("hierarchy"), m.detector().hierarchy());
        JsonNode g = models.get("goniometer").get(0), gm = e.get("goniometer_matrices");
        Goniometer gonio = m.goniometer();
        if (g.has("axes")) {
            assertTrue(gonio.isMultiAxis());
            assertEquals(g.get("scan_axis").asInt(), gonio.scanAxis());
            for (int i = 0; i < g.get("axes").size(); i++) {
                assertVec(g.get("axes").get(i), gonio.axes().get(i));
                assertClose(g.get("angles").get(i).asDouble(), gonio.angles()[i]);
                assertEquals(g.get("names").get(i).asText(), gonio.names().get(i));
            }
        }
        assertVec(gm.get("rotation_axis_datum"), gonio.rotationAxis());
        for (int i = 0; i < 9; i++) {
            assertClose(gm.get("fixed_rotation").get(i).asDouble(), gonio.fixedRotation().get(i / 3, i % 3));
            assertClose(gm.get("setting_rotation").get(i).asDouble(), gonio.settingRotation().get(i / 3, i % 3));
        }
        JsonNode s = models.get("scan").get(0);
        assertEquals(s.get("image_range").get(1).asInt(), m.scan().lastImage());
        assertClose(s.get("oscillation").get(0).asDouble(), m.scan().oscillationStart());
        assertClose(s.get("oscillation").get(1).asDouble(), m.scan().oscillationWidth());
        for (int i = 0; i < m.scan().numImages(); i++) {
            assertClose(s.get("exposure_time").get(i).asDouble(), m.scan().exposureTimes()[i]);
            assertClose(s.get("epochs").get(i).asDouble(), m.scan().epochs()[i]);
        }
    }

    static void assertSameHierarchy(JsonNode expected, org.xtalkit.model.DetectorGroup g) {
        if (expected.has("panel")) {
            assertEquals(expected.get("panel").asInt(), g.panelIndex());
            return;
        }
        assertEquals(expected.get("name").asText(), g.name());
        assertVec(expected.get("fast_axis"), g.fastAxis());
        assertVec(expected.get("slow_axis"), g.slowAxis());
        assertVec(expected.get("origin"), g.origin());
        assertEquals(expected.get("children").size(), g.children().size(), g.name());
        for (int i = 0; i < g.children().size(); i++) assertSameHierarchy(expected.get("children").get(i), g.children().get(i));
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiaxis.nxs", "twomodule.nxs", "vds.nxs", "contiguous.nxs", "interleaved.nxs"})
    void pixelsAndMaskEqualDxtbx(String name) throws Exception {
        JsonNode e = EXPECTED.get(name);
        try (NxmxImageSource src = new NxmxFormat().open(resource(name))) {
            assertEquals(e.get("images").size(), src.size());
            for (int i = 0; i < src.size(); i++) {
                int[][] image = src.read(i);
                JsonNode ref = e.get("images").get(i);
                assertEquals(ref.size(), image.length);
                for (int p = 0; p < image.length; p++) {
                    int[] expected = new int[ref.get(p).size()];
                    for (int k = 0; k < expected.length; k++) expected[k] = ref.get(p).get(k).asInt();
                    assertArrayEquals(expected, image[p], name + " image " + (i + 1) + " panel " + p);
                }
            }
            JsonNode mask = e.get("static_mask");
            if (mask.isNull()) {
                assertNull(src.staticMask());
            } else {
                boolean[][] ours = src.staticMask();
                for (int p = 0; p < mask.size(); p++)
                    for (int k = 0; k < mask.get(p).size(); k++)
                        assertEquals(mask.get(p).get(k).asBoolean(), ours[p][k], name + " mask pixel " + k);
            }
        }
    }

    @Test
    void missingVirtualDatasetSourceNamesTheFile(@TempDir Path dir) throws Exception {
        Path nxs = Files.copy(resource("vds.nxs"), dir.resolve("vds.nxs"));
        XtalException e = assertThrows(XtalException.class, () -> new NxmxFormat().readMetadata(nxs));
        assertTrue(e.getMessage().startsWith(nxs.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("vds_data.h5") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void truncatedFileIsAClearError(@TempDir Path dir) throws Exception {
        byte[] all = Files.readAllBytes(resource("multiaxis.nxs"));
        Path cut = Files.write(dir.resolve("multiaxis.nxs"), Arrays.copyOf(all, all.length * 2 / 3));
        XtalException e = assertThrows(XtalException.class, () -> {
            try (NxmxImageSource src = new NxmxFormat().open(cut)) {
                for (int i = 0; i < src.size(); i++) src.read(i);
            }
        });
        assertTrue(e.getMessage().contains("multiaxis.nxs"), e.getMessage());
    }
}
