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
