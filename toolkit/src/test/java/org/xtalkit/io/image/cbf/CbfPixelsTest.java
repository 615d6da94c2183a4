package org.xtalkit.io.image.cbf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.xtalkit.SharedData;
import org.xtalkit.io.image.ImageFormats;
import org.xtalkit.io.image.ImageSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pixels we decode are the ones dxtbx's get_raw_data returns (cbf_pixel_checks.json). */
class CbfPixelsTest {

    @Test
    void everyReferenceImageDecodesToDxtbxPixels() throws Exception {
        JsonNode checks = new ObjectMapper().readTree(SharedData.reference("cbf_pixel_checks.json").toFile());
        int images = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = checks.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Path file = SharedData.data(e.getKey().substring("data/".length()));
            try (ImageSource src = ImageFormats.find(file).open(List.of(file))) {
                for (JsonNode image : e.getValue()) {
                    int[][] panels = src.read(image.get("image_index").asInt());
                    for (JsonNode p : image.get("panels")) {
                        if (p.has("n_panels")) {
                            assertEquals(p.get("n_panels").asInt(), panels.length, file + " panels");
                            long all = 0;
                            for (int[] d : panels) for (int v : d) if (v >= 0) all += v;
                            assertEquals(p.get("sum_nonnegative_all").asLong(), all, file + " sum over all panels");
                            continue;
                        }
                        check(file, p, panels[p.get("panel").asInt()], src.panelSize(p.get("panel").asInt()));
                    }
                    images++;
                }
            }
        }
        assertEquals(4, images);
    }

    /** Other steps open images through the .expt: relative templates resolve against its directory. */
    @Test
    void imagesOpenFromTheReferenceExperimentList() {
        Path expt = SharedData.reference("DLS_I23_P12M_thau_00001.imported.expt");
        var e = org.xtalkit.io.expt.ExptFile.read(expt).get(0);
        try (ImageSource src = org.xtalkit.io.image.ImageSets.open(e, expt.getParent())) {
            assertEquals(1, src.size());
            assertEquals(24, src.numPanels());
            long all = 0;
            for (int[] d : src.read(0)) for (int v : d) if (v >= 0) all += v;
            assertEquals(2106092, all);   // cbf_pixel_checks.json: sum over the 24 panels
        }
    }

    /** The simulated sweep's miniCBFs hold the pixels of its HDF5 files (nexus/pixel_checks.json; image 1 is among the CBFs). */
    @Test
    void simulatedMiniCbfsHoldTheNexusPixels() throws Exception {
        JsonNode checks = new ObjectMapper().readTree(SharedData.reference("nexus/pixel_checks.json").toFile());
        JsonNode positions = checks.get("positions_xy");
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) files.add(SharedData.data(String.format("nexus/cbf/insulin_sim_%04d.cbf", i)));
        try (ImageSource src = ImageFormats.find(files.get(0)).open(files)) {
            int checked = 0;
            for (int i = 0; i < 5; i++) {
                JsonNode c = checks.get("images").get(String.valueOf(i + 1));
                if (c == null) continue;   // the checks list images 1, 20, 21, 40
                checked++;
                int[] d = src.read(i)[0];
                long valid = 0, all = 0, gaps = 0;
                for (int v : d) { all += v; if (v == -1) gaps++; else valid += v; }
                assertEquals(c.get("sum_valid_int64").asLong(), valid, "image " + (i + 1) + " sum of valid pixels");
                assertEquals(c.get("sum_all_as_int32_int64").asLong(), all, "image " + (i + 1) + " sum as int32");
                assertEquals(c.get("n_gap_pixels_0xFFFFFFFF").asLong(), gaps, "image " + (i + 1) + " gap pixels");
                for (int k = 0; k < positions.size(); k++) {
                    int x = positions.get(k).get(0).asInt(), y = positions.get(k).get(1).asInt();
                    assertEquals(c.get("values_at_positions_int32").get(k).asInt(), d[y * 1037 + x], "image " + (i + 1) + " pixel " + x + "," + y);
                }
                ByteBuffer b = ByteBuffer.allocate(4 * d.length).order(ByteOrder.LITTLE_ENDIAN);
                b.asIntBuffer().put(d);
                assertEquals(c.get("sha256_uint32_le_row_major").asText(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array())), "image " + (i + 1));
            }
            assertEquals(1, checked);
        }
    }

    private static void check(Path file, JsonNode p, int[] d, int[] size) throws Exception {
        String w = file.getFileName() + " panel " + p.get("panel").asInt();
        assertEquals(p.get("shape_slow_fast").get(0).asInt(), size[1], w + " slow size");
        assertEquals(p.get("shape_slow_fast").get(1).asInt(), size[0], w + " fast size");
        long sum = 0, negative = 0;
        int max = Integer.MIN_VALUE;
        for (int v : d) {
            if (v >= 0) sum += v; else negative++;
            max = Math.max(max, v);
        }
        assertEquals(p.get("sum_nonnegative").asLong(), sum, w + " sum");
        assertEquals(p.get("n_negative").asLong(), negative, w + " negative pixels");
        assertEquals(p.get("max").asInt(), max, w + " max");
        for (Iterator<Map.Entry<String, JsonNode>> it = p.get("values_at_fast_slow").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> v = it.next();
            String[] xy = v.getKey().split(",");
            int x = Integer.parseInt(xy[0]), y = Integer.parseInt(xy[1]);
            assertEquals(v.getValue().asInt(), d[y * size[0] + x], w + " pixel " + v.getKey());
        }
        ByteBuffer b = ByteBuffer.allocate(4 * d.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(d);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
        assertEquals(p.get("sha256_int32_le").asText(), sha, w + " SHA-256");
    }
}
