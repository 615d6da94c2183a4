package org.xtalkit.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.xtalkit.XtalException;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.UnitCell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The few fields of a DIALS .expt that merging needs, read with Jackson: per experiment the
 * crystal's cell and Hall symbol, the wavelength, the identifier and the scan's image range and
 * batch offset. Stands in until the shared .expt reader lands; then delete it.
 */
public record ExptSymmetry(List<Entry> experiments) {

    /** One experiment: cell from real_space_a/b/c (or recalculated_unit_cell when present). */
    public record Entry(String identifier, UnitCell cell, String hall, double wavelength, int firstImage, int lastImage, int batchOffset) {}

    public static ExptSymmetry read(Path... files) {
        List<Entry> out = new ArrayList<>();
        ObjectMapper om = new ObjectMapper();
        for (Path f : files) {
            JsonNode root;
            try { root = om.readTree(f.toFile()); }
            catch (IOException e) { throw XtalException.badFile(f, "not a DIALS experiment list (JSON): " + e.getMessage(), e); }
            for (JsonNode e : root.path("experiment")) {
                JsonNode c = root.path("crystal").path(e.path("crystal").asInt(-1));
                if (c.isMissingNode()) throw XtalException.badFile(f, "experiment without a crystal model");
                UnitCell cell;
                if (c.has("recalculated_unit_cell") && !c.get("recalculated_unit_cell").isNull()) {
                    JsonNode p = c.get("recalculated_unit_cell");
                    cell = new UnitCell(p.get(0).asDouble(), p.get(1).asDouble(), p.get(2).asDouble(), p.get(3).asDouble(), p.get(4).asDouble(), p.get(5).asDouble());
                } else {
                    cell = UnitCell.fromVectors(vec(c, "real_space_a", f), vec(c, "real_space_b", f), vec(c, "real_space_c", f));
                }
                JsonNode b = root.path("beam").path(e.path("beam").asInt(-1));
                JsonNode s = root.path("scan").path(e.path("scan").asInt(-1));
                int first = s.path("image_range").path(0).asInt(1), last = s.path("image_range").path(1).asInt(1);
                out.add(new Entry(e.path("identifier").asText(""), cell, c.path("space_group_hall_symbol").asText(" P 1"),
                        b.path("wavelength").asDouble(Double.NaN), first, last, s.path("batch_offset").asInt(0)));
            }
        }
        if (out.isEmpty()) throw XtalException.badFile(files.length > 0 ? files[0] : "(no file)", "no experiments");
        return new ExptSymmetry(out);
    }

    private static Vec3 vec(JsonNode c, String key, Path f) {
        JsonNode v = c.get(key);
        if (v == null || v.size() != 3) throw XtalException.badFile(f, "crystal has no " + key);
        return new Vec3(v.get(0).asDouble(), v.get(1).asDouble(), v.get(2).asDouble());
    }

    /** DIALS' best_unit_cell: the median of each parameter over the experiments. */
    public UnitCell medianCell() {
        double[] p = new double[6];
        for (int j = 0; j < 6; j++) {
            double[] v = new double[experiments.size()];
            for (int i = 0; i < v.length; i++) v[i] = experiments.get(i).cell().toArray()[j];
            java.util.Arrays.sort(v);
            int n = v.length;
            p[j] = n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
        }
        return UnitCell.of(p);
    }

    public double meanWavelength() {
        double s = 0;
        for (Entry e : experiments) s += e.wavelength();
        return s / experiments.size();
    }
}
