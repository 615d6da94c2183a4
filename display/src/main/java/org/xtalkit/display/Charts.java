package org.xtalkit.display;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * Every xtalkit plot goes through here: one house style for XChart charts, and their rendering to
 * PNG (notebooks, reports) or SVG (print). Needs no display (java.awt.headless is fine).
 */
public final class Charts {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 400;
    private static final Font FONT = new Font("DejaVu Sans", Font.PLAIN, 12);

    private Charts() {}

    /** An XY line/scatter chart in the house style. */
    public static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(c);
        return c;
    }

    /** A bar chart in the house style (counts per image, per resolution shell); no legend unless turned on. */
    public static CategoryChart bars(String title, String xTitle, String yTitle) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(c);
        c.getStyler().setOverlapped(true);
        c.getStyler().setLegendVisible(false);   // bars fill the plot: a legend inside would hide them
        return c;
    }

    /** Applies the house style to any chart (white, no frame, legend inside, DejaVu fonts). */
    public static void style(Chart<?, ?> c) {
        Styler s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setChartTitleFont(FONT.deriveFont(Font.BOLD, 14f));
        s.setLegendFont(FONT);
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setAntiAlias(true);
        if (s instanceof org.knowm.xchart.style.AxesChartStyler a) {
            a.setAxisTitleFont(FONT);
            a.setAxisTickLabelsFont(FONT.deriveFont(11f));
            a.setPlotGridLinesColor(new Color(0xe6e6e6));
        }
    }

    public static byte[] png(Chart<?, ?> c) {
        try {
            return BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart '" + c.getTitle() + "' as PNG", e);
        }
    }

    public static String svg(Chart<?, ?> c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(c, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart '" + c.getTitle() + "' as SVG", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A chart as an inline HTML image (step displays and the report put plots beside their tables). */
    public static String img(Chart<?, ?> c) {
        return Html.img(png(c), c.getTitle() == null ? "chart" : c.getTitle());
    }

    /** A chart as notebook output: PNG, with its title as the text form. */
    public static MimeBundle bundle(Chart<?, ?> c) {
        String title = c.getTitle() == null || c.getTitle().isEmpty() ? "chart" : c.getTitle();
        return MimeBundle.png(png(c), "[" + title + "]");
    }
}
