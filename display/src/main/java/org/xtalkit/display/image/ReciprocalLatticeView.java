package org.xtalkit.display.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.xtalkit.XtalException;
import org.xtalkit.display.Html;
import org.xtalkit.display.MimeBundle;
import org.xtalkit.index.ReciprocalSpace;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.table.ReflectionTable;

/**
 * The reflections of a table mapped to reciprocal space (their rlp at φ = 0), as
 * dials.reciprocal_lattice_viewer shows them: an interactive 3D scatter in the notebook (WebGL via
 * the vendored three.js, drag to rotate, wheel to zoom), coloured by indexed/unindexed or by
 * experiment (lattice), with a static picture down the rotation axis that stands in wherever
 * scripts do not run (exported HTML without JavaScript, PDF, plain front ends).
 *
 * @param experiments  the experiments the table's ids refer to (the geometry that maps the spots)
 * @param reflections  strong or indexed reflections (xyzobs.px.value, panel, id)
 * @param byExperiment colour by experiment (lattice) rather than indexed/unindexed
 * @param size         width and height of the view, pixels
 */
public record ReciprocalLatticeView(ExperimentList experiments, ReflectionTable reflections, boolean byExperiment, int size) {
    private static final String[] TAB10 = {"#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22"};
    private static final String UNINDEXED = "#d62728";
    private static final AtomicLong IDS = new AtomicLong();

    public static ReciprocalLatticeView of(ExperimentList experiments, ReflectionTable reflections) {
        return new ReciprocalLatticeView(experiments, reflections, false, 600);
    }

    public ReciprocalLatticeView byExperiment(boolean on) { return new ReciprocalLatticeView(experiments, reflections, on, size); }
    public ReciprocalLatticeView size(int px) { return new ReciprocalLatticeView(experiments, reflections, byExperiment, px); }

    /** Points in the viewing frame (x right, y up, z towards the viewer: down the rotation axis), Å⁻¹, and a class each. */
    record Points(double[] xyz, byte[] cls, String[] palette, String[] names, int[] counts) {}

    Points points() {
        if (experiments.isEmpty()) throw new XtalException("reciprocal lattice viewer: no experiments");
        ReflectionTable t = reflections.copy();
        int n = t.size();
        int[] id = t.has("id") ? t.ints("id").clone() : new int[n];
        if (!t.has("id")) t.newInts("id");
        int[] tid = t.ints("id");
        for (int i = 0; i < n; i++) tid[i] = id[i] < 0 ? 0 : id[i];   // unindexed spots map with the (shared) geometry of experiment 0
        ReciprocalSpace.map(experiments, t);
        double[] rlp = t.vec3("rlp");
        int[] hkl = t.has("miller_index") ? t.miller("miller_index") : null;
        Experiment e0 = experiments.get(0);
        Vec3 axis = e0.goniometer() == null ? new Vec3(1, 0, 0) : e0.goniometer().rotationAxisDatum().normalize();
        Vec3 beam = e0.beam().unitS0();
        Vec3 e1 = beam.minus(axis.times(beam.dot(axis)));
        e1 = e1.length() < 1e-6 ? axis.cross(new Vec3(0, 0, 1)).normalize() : e1.normalize();
        Vec3 e2 = axis.cross(e1);
        int nExp = experiments.size();
        String[] palette = new String[nExp + 1], names = new String[nExp + 1];
        palette[0] = UNINDEXED;
        names[0] = "unindexed";
        for (int k = 0; k < nExp; k++) {
            palette[k + 1] = byExperiment ? TAB10[k % TAB10.length] : TAB10[0];
            names[k + 1] = byExperiment ? "experiment " + k : "indexed";
        }
        double[] xyz = new double[3 * n];
        byte[] cls = new byte[n];
        int[] counts = new int[nExp + 1];
        for (int i = 0; i < n; i++) {
            Vec3 r = new Vec3(rlp[3 * i], rlp[3 * i + 1], rlp[3 * i + 2]);
            xyz[3 * i] = r.dot(e1);
            xyz[3 * i + 1] = r.dot(e2);
            xyz[3 * i + 2] = r.dot(axis);
            boolean indexed = id[i] >= 0 && hkl != null && (hkl[3 * i] != 0 || hkl[3 * i + 1] != 0 || hkl[3 * i + 2] != 0);
            int c = indexed ? 1 + Math.min(id[i], 120) : 0;
            if (!byExperiment && indexed) c = 1;
            cls[i] = (byte) c;
            counts[c]++;
        }
        if (!byExperiment) { palette = new String[] {palette[0], palette[1]}; names = new String[] {names[0], names[1]}; counts = new int[] {counts[0], counts[1]}; }
        return new Points(xyz, cls, palette, names, counts);
    }

    /** The static picture: the points projected down the rotation axis. */
    public BufferedImage picture() {
        return picture(points());
    }

    BufferedImage picture(Points p) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double extent = extent(p.xyz);
        double s = 0.46 * size / extent, c = size / 2.0;
        Color[] colours = new Color[p.palette.length];
        for (int k = 0; k < colours.length; k++) colours[k] = Color.decode(p.palette[k]);
        int n = p.cls.length;
        for (int pass = 0; pass < 2; pass++)   // unindexed underneath, so the lattice stays visible
            for (int i = 0; i < n; i++) {
                if ((p.cls[i] == 0) != (pass == 0)) continue;
                g.setColor(colours[p.cls[i]]);
                g.fillRect((int) (c + p.xyz[3 * i] * s) - 1, (int) (c - p.xyz[3 * i + 1] * s) - 1, 2, 2);
            }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 12));
        g.setStroke(new BasicStroke(1f));
        double bar = niceLength(extent / 2);
        g.drawLine(10, size - 12, 10 + (int) (bar * s), size - 12);
        g.drawString(String.format(Locale.ROOT, "%s Å⁻¹", Html.number(bar)), 12, size - 16);
        g.drawString("view down the rotation axis", 10, 16);
        g.dispose();
        return img;
    }

    /** The notebook display: the interactive view with the picture inside it until WebGL takes over, and the picture as PNG. */
    public MimeBundle bundle() {
        Points p = points();
        byte[] png = org.xtalkit.display.Displays.pngBytes(picture(p));
        String id = "xtalkit-rlv-" + IDS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
        double extent = extent(p.xyz);
        double scale = extent / 32000;
        ByteBuffer buf = ByteBuffer.allocate(2 * p.xyz.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : p.xyz) buf.putShort((short) Math.max(-32767, Math.min(32767, Math.round(v / scale))));
        StringBuilder legend = new StringBuilder();
        for (int k = 0; k < p.palette.length; k++)
            legend.append("<span style=\"margin-right:1em\"><span style=\"display:inline-block;width:0.8em;height:0.8em;background:")
                    .append(p.palette[k]).append("\"></span> ").append(Html.escape(p.names[k])).append(" (").append(p.counts[k]).append(")</span>");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("xyz", Base64.getEncoder().encodeToString(buf.array()));
        data.put("cls", Base64.getEncoder().encodeToString(p.cls));
        data.put("scale", scale);
        data.put("extent", extent);
        data.put("pointSize", 2.5);
        data.put("width", size);
        data.put("height", size);
        data.put("palette", p.palette);
        String json;
        try {
            json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String html = "<div id=\"" + id + "\" class=\"xtalkit-rlv\"><div class=\"xtalkit-rlv-view\">" + Html.img(png, "reciprocal lattice")
                + "</div><p style=\"margin:0.3em 0\">" + legend + "<br/><small>Reflections at φ = 0 in reciprocal space; drag to rotate, wheel to zoom.</small></p>"
                + "<script>" + script("three.min.js") + "\n" + script("rlv.js") + "\nwindow.xtalkitRlv('" + id + "', " + json + ");</script></div>";
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        m.put(MimeBundle.HTML, html);
        m.put(MimeBundle.PNG, Base64.getEncoder().encodeToString(png));
        m.put(MimeBundle.TEXT, toString());
        return new MimeBundle(m);
    }

    static double extent(double[] xyz) {
        double m = 1e-6;
        for (double v : xyz) m = Math.max(m, Math.abs(v));
        return m;
    }

    /** 1, 2 or 5 times a power of ten, at most x. */
    static double niceLength(double x) {
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        return x >= 5 * p ? 5 * p : x >= 2 * p ? 2 * p : p;
    }

    /** A vendored script, kept once per JVM (three.js is 650 kB). */
    static String script(String name) {
        return SCRIPTS.computeIfAbsent(name, k -> {
            try (InputStream in = ReciprocalLatticeView.class.getResourceAsStream("/org/xtalkit/display/js/" + k)) {
                if (in == null) throw new IllegalStateException("vendored script " + k + " is missing from the jar");
                // a </script> inside the library would end the element early
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static final Map<String, String> SCRIPTS = new java.util.concurrent.ConcurrentHashMap<>();

    @Override public String toString() {
        return "ReciprocalLatticeView(" + reflections.size() + " reflections, " + experiments.size() + " experiment(s))";
    }
}
