package org.xtalkit.display.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.xtalkit.display.Displays;
import org.xtalkit.display.Fixtures;
import org.xtalkit.display.MimeBundle;
import org.xtalkit.io.expt.ExptFile;
import org.xtalkit.io.refl.ReflReader;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.table.ReflectionTable;

/** The reciprocal lattice of DIALS' indexed quartz: points where the lattice puts them, a self-contained viewer, a picture. */
class ReciprocalLatticeViewTest {
    static final ExperimentList INDEXED = ExptFile.read(Fixtures.quartz("indexed.expt"));
    static final ReflectionTable REFL = ReflReader.read(Fixtures.quartz("indexed.refl"));

    @Test void indexedSpotsLieAtTheirLatticePointsDistanceFromTheOrigin() {
        ReciprocalLatticeView v = ReciprocalLatticeView.of(INDEXED, REFL);
        ReciprocalLatticeView.Points p = v.points();
        int[] hkl = REFL.miller("miller_index"), id = REFL.ints("id");
        var a = INDEXED.get(0).crystal().A();
        int checked = 0, close = 0;
        for (int i = 0; i < REFL.size(); i++) {
            if (id[i] != 0 || (hkl[3 * i] == 0 && hkl[3 * i + 1] == 0 && hkl[3 * i + 2] == 0)) continue;
            double dStar = a.times(new Vec3(hkl[3 * i], hkl[3 * i + 1], hkl[3 * i + 2])).length();
            double r = Math.sqrt(p.xyz()[3 * i] * p.xyz()[3 * i] + p.xyz()[3 * i + 1] * p.xyz()[3 * i + 1] + p.xyz()[3 * i + 2] * p.xyz()[3 * i + 2]);
            checked++;
            if (Math.abs(r - dStar) < 0.01 * dStar) close++;
            assertEquals(1, p.cls()[i], "indexed colour");
        }
        assertTrue(checked > 100);
        assertTrue(close > 0.95 * checked, close + " of " + checked + " within 1 % of |A·h|");
    }

    @Test void theBundleIsAWebGlViewerWithThePictureAsFallback() throws Exception {
        MimeBundle b = Displays.render(ReciprocalLatticeView.of(INDEXED, REFL).size(300)).orElseThrow();
        String html = b.get(MimeBundle.HTML);
        assertTrue(html.contains("<script>") && html.contains("WebGLRenderer") && html.contains("xtalkitRlv("), "three.js and the viewer inlined");
        assertFalse(html.matches("(?s).*<script[^>]*src=.*"), "nothing fetched at run time");
        assertTrue(html.contains("data:image/png;base64,"), "the picture stands in until WebGL draws");
        int[] id = REFL.ints("id"), hkl = REFL.miller("miller_index");
        int indexed = 0;
        for (int i = 0; i < REFL.size(); i++) if (id[i] >= 0 && (hkl[3 * i] != 0 || hkl[3 * i + 1] != 0 || hkl[3 * i + 2] != 0)) indexed++;
        assertTrue(html.contains("indexed (" + indexed + ")"), "legend counts");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(b.get(MimeBundle.PNG))));
        assertEquals(300, img.getWidth());
        assertEquals(300, img.getHeight());
    }
}
