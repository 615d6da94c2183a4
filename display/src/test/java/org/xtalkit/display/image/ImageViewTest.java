package org.xtalkit.display.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.xtalkit.XtalException;
import org.xtalkit.display.Displays;
import org.xtalkit.display.MimeBundle;
import org.xtalkit.io.image.ImageSets;
import org.xtalkit.io.image.ImageSource;
import org.xtalkit.model.Panel;
import org.xtalkit.table.ReflectionTable;

/** The image viewer on real DIALS regression images: a Pilatus 6M (DLS I03) and the 24-panel P12M of DLS I23. */
class ImageViewTest {
    static Path reference(String f) {
        Path p = Path.of(System.getProperty("xtalkit.shared", "../shared"), "reference", f);
        assertTrue(Files.isRegularFile(p), "fixture missing: " + p);
        return p;
    }

    static final Path I03 = reference("DLS_I03_smargon_0001.imported.expt"), P12M = reference("DLS_I23_P12M_thau_00001.imported.expt");

    @Test void dialsDefaultBrightnessPutsThe90thPercentileNearWhiteAnd25TimesItAtBlack() {
        int[] v = new int[1000];
        for (int i = 0; i < v.length; i++) v[i] = i / 100;   // p90 = 9
        Contrast c = Contrast.brightness(Contrast.DEFAULT_BRIGHTNESS, v, v.length, Contrast.Scheme.GRAYSCALE);
        assertEquals((int) (256 * (1 - 0.04)), c.rgb(9) & 0xFF, "p90 at 256(1 − 0.1·0.4)");
        assertEquals(0, c.rgb(25 * 9) & 0xFF, "black from 25·p90");
        assertEquals(255, c.rgb(0) & 0xFF, "no counts: white");
        Contrast bright = Contrast.brightness(100, v, v.length, Contrast.Scheme.GRAYSCALE);
        assertTrue((bright.rgb(9) & 0xFF) < (c.rgb(9) & 0xFF), "a higher brightness darkens the same counts");
        Contrast mm = Contrast.minMax(10, 20, Contrast.Scheme.INVERTED);
        assertEquals(0, mm.rgb(10) & 0xFF, "inverted: min is black");
        assertEquals(255, mm.rgb(20) & 0xFF, "inverted: max is white");
    }

    @Test void wholePilatusImageKeepsTheDetectorShapeAndSpotsAreDark() throws Exception {
        ImageView v = ImageView.read(I03, 1).size(400);
        MimeBundle b = Displays.render(v).orElseThrow();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(b.get(MimeBundle.PNG))));
        Panel p = v.experiment().detector().panel(0);
        assertEquals(400, Math.max(img.getWidth(), img.getHeight()));
        assertEquals((double) p.imageSizeFast() / p.imageSizeSlow(), (double) img.getWidth() / img.getHeight(), 0.01, "aspect of the panel");
        int white = 0, dark = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) {
                int g = img.getRGB(x, y) & 0xFF;
                if (g > 200) white++;
                if (g < 60) dark++;
            }
        int n = img.getWidth() * img.getHeight();
        assertTrue(white > n / 2, "background light at DIALS' default brightness: " + white + " of " + n);
        assertTrue(dark > 20 && dark < n / 20, "spots dark and few: " + dark);
    }

    @Test void zoomMagnifiesAPixelRegionAndShowsItsBrightestPixelDark() throws Exception {
        ImageView v = ImageView.read(I03, 1);
        Panel p = v.experiment().detector().panel(0);
        int[] counts;
        try (ImageSource src = ImageSets.open(v.experiment(), I03.getParent())) { counts = src.read(0)[0]; }
        // the brightest valid pixel of a 100 × 50 region beside the beam centre
        double[] bc = p.beamCentrePx(v.experiment().beam());
        int x0 = (int) bc[0] + 100, y0 = (int) bc[1] - 25, best = -1;
        for (int y = y0; y < y0 + 50; y++)
            for (int x = x0; x < x0 + 100; x++) {
                int i = y * p.imageSizeFast() + x;
                if (counts[i] < p.trustedMax() && (best < 0 || counts[i] > counts[best])) best = i;
            }
        BufferedImage img = v.zoom(0, x0, y0, x0 + 100, y0 + 50).size(400).render();
        assertEquals(400, img.getWidth());
        assertEquals(200, img.getHeight());
        int bx = best % p.imageSizeFast() - x0, by = best / p.imageSizeFast() - y0;
        int grey = img.getRGB(bx * 4 + 2, by * 4 + 2) & 0xFF;
        assertTrue(grey < (img.getRGB(0, 0) & 0xFF) || counts[best] == 0, "the brightest pixel is drawn darker: " + grey);
    }

    @Test void spotsAreBoxedInTheirColourWhereTheirBboxIs() {
        ImageView v = ImageView.read(I03, 1);
        ReflectionTable t = new ReflectionTable(2);
        t.newInts("panel");
        t.newInts("id");
        double[] xyz = t.newVec3("xyzobs.px.value");
        int[] bbox = t.newInt6("bbox"), hkl = t.newMiller("miller_index");
        int[][] boxes = {{1000, 1040, 1000, 1040, 0, 3}, {1500, 1540, 800, 840, 0, 1}};
        for (int i = 0; i < 2; i++) {
            System.arraycopy(boxes[i], 0, bbox, 6 * i, 6);
            xyz[3 * i] = boxes[i][0] + 20;
            xyz[3 * i + 1] = boxes[i][2] + 20;
            xyz[3 * i + 2] = 0.5;
        }
        hkl[0] = 1;   // the first is indexed
        BufferedImage img = v.zoom(0, 900, 700, 1600, 1100).size(700).spots(t).render();
        // 1 picture pixel per detector pixel: the boxes' left edges at x = 100 and 600
        assertEquals(Overlays.INDEXED.getRGB() & 0xFFFFFF, img.getRGB(100, 320) & 0xFFFFFF, "indexed: green box");
        assertEquals(Overlays.UNINDEXED.getRGB() & 0xFFFFFF, img.getRGB(600, 120) & 0xFFFFFF, "unindexed: red box");
    }

    @Test void multiPanelDetectorShowsEveryPanelInItsPlace() {
        ImageView v = ImageView.read(P12M, 1).size(300).rings(true);
        BufferedImage img = v.render();
        double[] e = DetectorPicture.extent(v.experiment().detector());
        assertEquals((e[1] - e[0]) / (e[3] - e[2]), (double) img.getWidth() / img.getHeight(), 0.02, "the layout's aspect");
        DetectorPicture pic = ImageRenderer.picture(v, v.experiment().detector());
        for (Panel p : v.experiment().detector().panels()) {
            double[] c = pic.toPicture(p, p.imageSizeFast() / 2.0, p.imageSizeSlow() / 2.0);
            int rgb = img.getRGB((int) c[0], (int) c[1]) & 0xFFFFFF;
            assertTrue(rgb != Contrast.OUTSIDE, "panel " + p.name() + " is drawn where it is");
        }
        int outside = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xFFFFFF) == Contrast.OUTSIDE) outside++;
        assertTrue(outside > 0 && outside < img.getWidth() * img.getHeight() / 5, "only the gaps between panels are empty: " + outside);
    }

    @Test void anImageOutsideTheScanIsNamed() {
        XtalException e = assertThrows(XtalException.class, () -> ImageView.read(I03, 7).render());
        assertTrue(e.getMessage().contains("image 7"), e.getMessage());
    }
}
