package org.xtalkit.display.steps;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.xtalkit.display.Charts;
import org.xtalkit.scale.ScalingModel;

/**
 * The absorption correction of a physical scaling model over all directions of the crystal frame:
 * a map of polar angle θ (0–180°) against azimuth φ (0–360°), blue below 1 through white to red
 * above, with its colour bar, as dials.report's "absorption surface".
 */
public final class AbsorptionSurface {
    private AbsorptionSurface() {}

    /** The map, or null when the model has no absorption terms. */
    public static BufferedImage picture(ScalingModel m) {
        if (m.absorptionParameters().length == 0) return null;
        int nPhi = 360, nTheta = 180;
        double[][] a = new double[nTheta][nPhi];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < nTheta; t++) {
            double theta = Math.toRadians(t + 0.5);
            for (int p = 0; p < nPhi; p++) {
                double phi = Math.toRadians(p + 0.5);
                double[] d = {Math.sin(theta) * Math.cos(phi), Math.sin(theta) * Math.sin(phi), Math.cos(theta)};
                a[t][p] = m.absorptionAt(d);
                lo = Math.min(lo, a[t][p]);
                hi = Math.max(hi, a[t][p]);
            }
        }
        double span = Math.max(Math.max(hi - 1, 1 - lo), 1e-6);   // symmetric about 1: white means no correction
        int left = 60, top = 36, h, bar = 16;
        BufferedImage img = new BufferedImage(Charts.WIDTH, Charts.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        h = nTheta * 3 / 2;   // 1° of φ per pixel, 1° of θ per 1.5 pixels
        for (int y = 0; y < h; y++) {
            int t = y * 2 / 3;
            for (int p = 0; p < nPhi; p++) img.setRGB(left + p, top + y, colour((a[t][p] - 1) / span));
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(left, top, nPhi, h);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 14));
        g.drawString("Absorption correction surface", left, 22);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 11));
        for (int p = 0; p <= 360; p += 90) g.drawString(Integer.toString(p), left + p - 8, top + h + 14);
        g.drawString("φ (°)", left + nPhi / 2 - 10, top + h + 30);
        for (int t = 0; t <= 180; t += 45) g.drawString(Integer.toString(t), left - 28, top + t * 3 / 2 + 4);
        g.drawString("θ (°)", 16, top - 8);
        int bx = left + nPhi + 30;
        for (int y = 0; y < h; y++) {
            g.setColor(new Color(colour(1 - 2.0 * y / h)));
            g.fillRect(bx, top + y, bar, 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(bx, top, bar, h);
        // enough decimals to show the span: DIALS restrains the surface, so it often stays within 0.1 %
        String fmt = "%." + Math.max(3, 2 - (int) Math.floor(Math.log10(span))) + "f";
        g.drawString(String.format(Locale.ROOT, fmt, 1 + span), bx + bar + 4, top + 8);
        g.drawString("1", bx + bar + 4, top + h / 2 + 4);
        g.drawString(String.format(Locale.ROOT, fmt, 1 - span), bx + bar + 4, top + h);
        g.drawString(String.format(Locale.ROOT, "range " + fmt + " – " + fmt, lo, hi), left, top + h + 48);
        g.dispose();
        return img;
    }

    /** −1 blue, 0 white, +1 red. */
    static int colour(double x) {
        x = Math.max(-1, Math.min(1, x));
        int r = x < 0 ? (int) (255 * (1 + x)) : 255, b = x > 0 ? (int) (255 * (1 - x)) : 255, gr = (int) (255 * (1 - Math.abs(x)));
        return (r << 16) | (gr << 8) | b;
    }
}
