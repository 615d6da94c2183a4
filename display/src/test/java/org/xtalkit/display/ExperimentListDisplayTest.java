package org.xtalkit.display;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExperimentListDisplayTest {
    @Test void showsWhatDialsShowShows() {
        String text = ExperimentListDisplay.text(DisplayTestData.experiments());
        // the beam centre in pixels is where the origin was put; the distance is the sample-panel distance
        assertTrue(text.contains("beam centre (px): (1231.50,1263.50)"), text);
        assertTrue(text.contains("distance: 190.00 mm"), text);
        assertTrue(text.contains("unit cell: 78.100, 78.100, 78.100, 90.00, 90.00, 90.00"), text);
        assertTrue(text.contains("space group: I 21 3"), text);
        assertTrue(text.contains("image range: {1,450}"), text);
        assertTrue(text.contains("oscillation: {0,0.2}"), text);
    }

    @Test void cornerResolutionMatchesBraggsLaw() {
        // the far corner of the panel from the beam: 2θ from its lab position, d = λ / (2 sin θ)
        double dx = 1231.5 * 0.172, dy = 1263.5 * 0.172;
        double dxFar = (2463 - 1231.5) * 0.172, dyFar = (2527 - 1263.5) * 0.172;
        double r = Math.max(Math.hypot(dx, dy), Math.hypot(dxFar, dyFar));
        double d = 0.9795 / (2 * Math.sin(Math.atan(r / DisplayTestData.DISTANCE) / 2));
        String text = ExperimentListDisplay.text(DisplayTestData.experiments());
        assertTrue(text.contains("max resolution (at corners): " + Html.fixed(d, 3) + " Å"), text);
    }

    @Test void htmlIsEscapedAndHasOneBlockPerModel() {
        String html = ExperimentListDisplay.html(DisplayTestData.experiments());
        for (String s : new String[] {"Panel 0", "Beam", "Scan", "Goniometer", "Crystal"})
            assertTrue(html.contains("<b>" + s + "</b>"), s);
        assertTrue(!html.contains("<script"), "no script in the summary");
    }
}
