package org.xtalkit.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xtalkit.step.Show;

class ExperimentListDisplayTest {
    @Test void textIsDialsShowAndHtmlLosesNoLine() {
        List<String> show = Show.experiments(DisplayTestData.experiments());
        assertEquals(String.join("\n", show) + "\n", ExperimentListDisplay.text(DisplayTestData.experiments()));
        String html = ExperimentListDisplay.html(DisplayTestData.experiments());
        // every value dials.show prints is in a cell of the HTML
        for (String line : show) {
            String t = line.strip();
            int colon = t.indexOf(':');
            if (t.isEmpty() || colon == t.length() - 1) continue;
            String value = colon < 0 ? t : t.substring(colon + 1).strip();
            assertTrue(html.contains(">" + Html.escape(value) + "</td>"), "missing: " + line);
        }
    }

    @Test void oneCardPerModel() {
        String html = ExperimentListDisplay.html(DisplayTestData.experiments());
        for (String s : new String[] {"Panel", "Beam", "Scan", "Goniometer", "Crystal"})
            assertTrue(html.contains("<b>" + s + "</b>"), s);
        assertTrue(html.contains("<summary><b>Experiment 0</b>"), html);
    }

    @Test void blocksFollowDialsShowLayout() {
        List<ExperimentListDisplay.Block> b = ExperimentListDisplay.blocks(List.of(
                "Experiment identifier: abc", "Detector:", "Panel:", "  name: Panel", "  pixel_size:{0.172,0.172}",
                "", "Max resolution (at corners): 1.2", "", "Beam:", "    wavelength: 0.97625"));
        assertEquals(List.of("", "Panel", "Beam"), b.stream().map(ExperimentListDisplay.Block::title).toList());
        assertEquals("1.2", b.get(0).lines().get(1)[1]);
        assertEquals("{0.172,0.172}", b.get(1).lines().get(1)[1]);
    }
}
