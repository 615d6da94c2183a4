package org.xtalkit.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class ChartsAndProgressTest {
    @Test void chartRendersAsPngAndSvg() {
        XYChart c = Charts.xy("spots per image", "image", "spots");
        c.addSeries("strong", new double[] {1, 2, 3, 4}, new double[] {120, 131, 118, 125});
        byte[] png = Charts.png(c);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertTrue(Charts.svg(c).contains("<svg"));
        MimeBundle b = Displays.render(c).orElseThrow();
        assertEquals(png.length, Base64.getDecoder().decode(b.get(MimeBundle.PNG)).length);
    }

    @Test void progressRedrawsInPlaceAndAlwaysShowsCompletion() {
        List<MimeBundle> drawn = new ArrayList<>();
        ProgressBar bar = new ProgressBar(drawn::add);
        for (int i = 1; i <= 1000; i++) bar.update("find_spots", i, 1000);
        // throttled: far fewer drawings than updates, and the last one is the finished stage
        assertTrue(drawn.size() < 50, "drawn " + drawn.size() + " times");
        String last = drawn.get(drawn.size() - 1).get(MimeBundle.TEXT);
        assertTrue(last.contains("100% 1000/1000"), last);
        bar.log("Found 1234 strong spots");
        bar.finish();
        assertTrue(drawn.get(drawn.size() - 1).get(MimeBundle.HTML).contains("Found 1234 strong spots"));
    }

    @Test void numbersReadLikeACrystallographerWritesThem() {
        assertEquals("1.5", Html.number(1.5));
        assertEquals("1234.57", Html.number(1234.5678));
        assertEquals("0.000123", Html.number(0.000123));
        assertEquals("120", Html.number(120.0));
        assertEquals("nan", Html.number(Double.NaN));
    }
}
