package org.xtalkit.spots;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spots-per-image histogram against what DIALS 3.12's dials.util.ascii_art.flex_histogram
 * printed for the same z values (dials_histograms.txt, made with dials.python).
 */
class SpotHistogramTest {
    @Test
    void printsWhatDialsPrints() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("dials_histograms.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int cases = 0;
        for (String block : text.split("END\n")) {
            if (block.isBlank()) continue;
            int nl = block.indexOf('\n');
            double[] z = Arrays.stream(block.substring("CASE ".length(), nl).split(",")).mapToDouble(Double::parseDouble).toArray();
            String expected = block.substring(nl + 1);
            assertEquals(expected.stripTrailing(), SpotHistogram.render(z).stripTrailing());
            cases++;
        }
        assertTrue(cases >= 5);
    }

    @Test
    void centersLikePython() {
        assertEquals("  ab ", SpotHistogram.center("ab", 5));
        assertEquals(" ab ", SpotHistogram.center("ab", 4));
        assertEquals(" abc  ", SpotHistogram.center("abc", 6));
    }
}
