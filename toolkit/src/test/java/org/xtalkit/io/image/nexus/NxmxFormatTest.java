package org.xtalkit.io.image.nexus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;
import org.xtalkit.XtalException;
import org.xtalkit.io.image.FormatMetadata;
import org.xtalkit.io.image.ImageFormat;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Panel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

/** The NXmx fixtures (Eiger master + external links, DLS virtual dataset) against DIALS 3.12's import and pixels. */
class NxmxFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path fixture(String name) {
        return SharedData.data(name.equals("eiger_master") ? "nexus/eiger_master/sim_master.h5" : "nexus/dls_vds/sim.nxs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eiger_master", "dls_vds"})
    void modelsEqualDialsImport(String name) throws Exception {
        FormatMetadata m = new NxmxFormat().readMetadata(fixture(name));
        JsonNode ref = JSON.readTree(SharedData.reference("nexus/" + name + ".imported.expt").toFile());
        JsonNode b = ref.get("beam").get(0);
        assertVec(b.get("direction"), m.beam().direction());
        assertClose(b.get("wavelength").asDouble(), m.beam().wavelength());
        assertClose(b.get("polarization_fraction").asDouble(), m.beam().polarizationFraction());
        JsonNode p = ref.get("detector").get(0).get("panels").get(0);
        assertEquals(1, m.detector().size());
        Panel panel = m.detector().panel(0);
        assertEquals(p.get("name").asText(), panel.name());
        assertEquals(p.get("type").asText(), panel.type());
        assertVec(p.get("fast_axis"), panel.fastAxis());
        assertVec(p.get("slow_axis"), panel.slowAxis());
        assertVec(p.get("origin"), panel.origin());
        assertEquals(p.get("image_size").get(0).asInt(), panel.imageSizeFast());
        assertEquals(p.get("image_size").get(1).asInt(), panel.imageSizeSlow());
        assertClose(p.get("pixel_size").get(0).asDouble(), panel.pixelSizeFast());
        assertClose(p.get("pixel_size").get(1).asDouble(), panel.pixelSizeSlow());
        assertClose(p.get("trusted_range").get(0).asDouble(), panel.trustedMin());
        assertClose(p.get("trusted_range").get(1).asDouble(), panel.trustedMax());
        assertClose(p.get("thickness").asDouble(), panel.thickness());
        assertEquals(p.get("material").asText(), panel.material());
        assertTrue(panel.parallax());
        JsonNode g = ref.get("goniometer").get(0);
        assertVec(g.get("rotation_axis"), m.goniometer().rotationAxis());
        for (int i = 0; i < 9; i++) {
            assertClose(g.get("fixed_rotation").get(i).asDouble(), m.goniometer().fixedRotation().get(i / 3, i % 3));
            assertClose(g.get("setting_rotation").get(i).asDouble(), m.goniometer().settingRotation().get(i / 3, i % 3));
        }
        JsonNode s = ref.get("scan").get(0);
        assertEquals(s.get("image_range").get(0).asInt(), m.scan().firstImage());
        assertEquals(s.get("image_range").get(1).asInt(), m.scan().lastImage());
        assertClose(s.get("oscillation").get(0).asDouble(), m.scan().oscillationStart());
        assertClose(s.get("oscillation").get(1).asDouble(), m.scan().oscillationWidth());
        for (int i = 0; i < 40; i++) {
            assertClose(s.get("exposure_time").get(i).asDouble(), m.scan().exposureTimes()[i]);
            assertClose(s.get("epochs").get(i).asDouble(), m.scan().epochs()[i]);
        }
        assertFalse(m.still());
        assertEquals(40, m.frames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"eiger_master", "dls_vds"})
    void sensorMuEqualsDials(String name) throws Exception {
        FormatMetadata m = new NxmxFormat().readMetadata(fixture(name));
        JsonNode p = JSON.readTree(SharedData.reference("nexus/" + name + ".imported.expt").toFile())
                .get("detector").get(0).get("panels").get(0);
        assertClose(p.get("mu").asDouble(), m.detector().panel(0).mu());
    }

    @ParameterizedTest
    @ValueSource(strings = {"eiger_master", "dls_vds"})
    void pixelsEqualDialsChecksums(String name) throws Exception {
        JsonNode checks = JSON.readTree(SharedData.reference("nexus/pixel_checks.json").toFile());
        try (NxmxImageSource src = new NxmxFormat().open(fixture(name))) {
            assertEquals(40, src.size());
            assertEquals(1, src.numPanels());
            assertArrayEquals(new int[] {1037, 1090}, src.panelSize(0));
            for (var it = checks.get("images").fields(); it.hasNext(); ) {
                var e = it.next();
                int[] image = src.read(Integer.parseInt(e.getKey()) - 1)[0];
                checkImage(checks, e.getValue(), image, name + " image " + e.getKey());
            }
            boolean[] mask = src.staticMask()[0];
            int masked = 0;
            int[] image1 = src.read(0)[0];
            for (int i = 0; i < mask.length; i++) {
                if (!mask[i]) masked++;
                assertEquals(!mask[i], image1[i] == -1, "mask and gap value disagree at pixel " + i);
            }
            assertEquals(checks.get("n_pixel_mask_nonzero").asInt(), masked);
        }
    }

    static void checkImage(JsonNode checks, JsonNode c, int[] image, String what) throws Exception {
        int nx = 1037;
        long sum = 0, gaps = 0, zeros = 0;
        int max = Integer.MIN_VALUE, argmax = -1;
        ByteBuffer le = ByteBuffer.allocate(image.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < image.length; i++) {
            int v = image[i];
            le.putInt(v);
            if (v == -1) { gaps++; continue; }
            sum += v;
            if (v == 0) zeros++;
            if (v > max) { max = v; argmax = i; }
        }
        assertEquals(c.get("n_gap_pixels_0xFFFFFFFF").asLong(), gaps, what);
        assertEquals(c.get("sum_valid_int64").asLong(), sum, what);
        assertEquals(c.get("max_valid").asInt(), max, what);
        assertEquals(c.get("argmax_valid_xy").get(0).asInt(), argmax % nx, what);
        assertEquals(c.get("argmax_valid_xy").get(1).asInt(), argmax / nx, what);
        assertEquals(c.get("n_zero").asLong(), zeros, what);
        JsonNode pos = checks.get("positions_xy");
        for (int k = 0; k < pos.size(); k++)
            assertEquals(c.get("values_at_positions_int32").get(k).asInt(),
                    image[pos.get(k).get(1).asInt() * nx + pos.get(k).get(0).asInt()], what + " position " + k);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(le.array()));
        assertEquals(c.get("sha256_uint32_le_row_major").asText(), sha, what);
    }

    @Test
    void imageRangeSubsetReadsTheRightFrames() throws Exception {
        JsonNode checks = JSON.readTree(SharedData.reference("nexus/pixel_checks.json").toFile());
        try (NxmxImageSource src = new NxmxFormat().open(fixture("dls_vds"))) {
            NxmxImageSource sub = src.subRange(20, 21);
            assertEquals(2, sub.size());
            checkImage(checks, checks.get("images").get("20"), sub.read(0)[0], "image_range 20,21 first");
            checkImage(checks, checks.get("images").get("21"), sub.read(1)[0], "image_range 20,21 second");
            assertThrows(XtalException.class, () -> src.subRange(30, 41));
        }
    }

    @Test
    void readsFromManyThreadsAtOnce() throws Exception {
        try (NxmxImageSource src = new NxmxFormat().open(fixture("eiger_master"))) {
            long[] sequential = new long[src.size()];
            for (int i = 0; i < src.size(); i++) sequential[i] = checksum(src.read(i)[0]);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                Future<?>[] f = new Future<?>[src.size() * 2];
                long[] parallel = new long[src.size()];
                for (int k = 0; k < f.length; k++) {
                    int i = (k * 7) % src.size();
                    f[k] = pool.submit(() -> { parallel[i] = checksum(src.read(i)[0]); return null; });
                }
                for (Future<?> x : f) x.get();
                assertArrayEquals(sequential, parallel);
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void anInterruptedReadDoesNotBreakTheSourceForOthers() throws Exception {
        try (NxmxImageSource src = new NxmxFormat().open(fixture("eiger_master"))) {
            long expected = checksum(src.read(2)[0]);
            Thread.currentThread().interrupt();
            try {
                src.read(1); // FileChannel closes itself when its reader is interrupted
            } catch (XtalException ignored) {
                // the interrupted read may fail; what matters is the next one
            } finally {
                Thread.interrupted();
            }
            assertEquals(expected, checksum(src.read(2)[0]));
        }
    }

    static long checksum(int[] a) {
        long h = 1125899906842597L;
        for (int v : a) h = 31 * h + v;
        return h;
    }

    @Test
    void danglingExternalLinkNamesMasterAndMissingFile() {
        Path master = SharedData.data("image_examples/dectris_eiger_master.h5");
        XtalException e = assertThrows(XtalException.class, () -> new NxmxFormat().readMetadata(master));
        assertTrue(e.getMessage().contains("dectris_eiger_master.h5"), e.getMessage());
        assertTrue(e.getMessage().contains("dectris_eiger_data_000001.h5"), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void foundThroughTheServiceLoaderForHdf5ButNotCbf() {
        ImageFormat nx = ServiceLoader.load(ImageFormat.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f instanceof NxmxFormat).findFirst().orElseThrow();
        assertTrue(nx.understands(fixture("eiger_master")));
        assertTrue(nx.understands(fixture("dls_vds")));
        assertFalse(nx.understands(SharedData.data("nexus/eiger_master/sim_data_000001.h5")), "a data file is no NXmx file");
        assertFalse(nx.understands(SharedData.data("nexus/cbf/insulin_sim_0001.cbf")));
    }

    static void assertVec(JsonNode expected, Vec3 actual) {
        assertClose(expected.get(0).asDouble(), actual.x());
        assertClose(expected.get(1).asDouble(), actual.y());
        assertClose(expected.get(2).asDouble(), actual.z());
    }

    /** 1e-6 relative (absolute for values near zero). */
    static void assertClose(double expected, double actual) {
        assertEquals(expected, actual, 1e-6 * Math.max(1, Math.abs(expected)));
    }
}
