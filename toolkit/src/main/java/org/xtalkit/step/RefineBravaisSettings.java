package org.xtalkit.step;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xtalkit.XtalException;
import org.xtalkit.index.BravaisSettings;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.UnitCell;
import org.xtalkit.progress.Progress;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamType;
import org.xtalkit.step.params.ParamValues;
import org.xtalkit.table.ReflectionTable;

import java.util.List;

/** dials.refine_bravais_settings: the table of compatible lattices, each refined with its constraints. */
public final class RefineBravaisSettings {
    private RefineBravaisSettings() {}

    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.of("lepage_max_delta", ParamType.FLOAT, "5", "largest Le Page δ (degrees) of a twofold to keep"),
            ParamSpec.of("best_monoclinic_beta", ParamType.BOOL, "True",
                    "for centred monoclinic cells, prefer I2 over C2 where it gives a less oblique cell (smaller beta)"),
            ParamSpec.of("nproc", ParamType.INT, "Auto", "settings refined in parallel (Auto: all cores)"),
            ParamSpec.of("output.prefix", ParamType.STR, "None", "prefix for bravais_setting_N.expt and bravais_summary.json"));

    public static List<BravaisSettings.Setting> run(ExperimentList indexed, ReflectionTable reflections, ParamValues v, Progress progress) {
        Integer nproc = v.intOrNull("nproc");
        return run(indexed, reflections, v.getDouble("lepage_max_delta"), v.getBool("best_monoclinic_beta"),
                nproc == null ? Runtime.getRuntime().availableProcessors() : nproc, progress);
    }

    /** With DIALS' default best_monoclinic_beta=True. */
    public static List<BravaisSettings.Setting> run(ExperimentList indexed, ReflectionTable reflections, double maxDelta, int nproc, Progress progress) {
        return run(indexed, reflections, maxDelta, true, nproc, progress);
    }

    public static List<BravaisSettings.Setting> run(ExperimentList indexed, ReflectionTable reflections, double maxDelta,
                                                    boolean bestMonoclinicBeta, int nproc, Progress progress) {
        if (indexed.size() == 0 || indexed.get(0).crystal() == null)
            throw new XtalException("refine_bravais_settings: needs an indexed experiment (with a crystal)");
        for (int i = 1; i < indexed.size(); i++)
            if (indexed.get(i).crystal() != indexed.get(0).crystal())
                throw new XtalException("refine_bravais_settings: needs one crystal; experiment " + i + " has its own (index the sweeps together)");
        if (indexed.size() > 1) {
            // sweeps indexed together share the crystal: its settings are refined against the first sweep's spots
            progress.log("The " + indexed.size() + " experiments share one crystal: Bravais settings are refined against the spots of experiment 0");
            int[] id = reflections.ints("id");
            reflections = reflections.select(i -> id[i] == 0);
            indexed = new ExperimentList(List.of(indexed.get(0)));
        }
        if (!indexed.get(0).crystal().spaceGroupHall().trim().equals("P 1"))
            throw new XtalException("refine_bravais_settings: the crystal must be triclinic (P 1); it is " + indexed.get(0).crystal().spaceGroupHall().trim());
        List<BravaisSettings.Setting> s = BravaisSettings.run(indexed.get(0), reflections, maxDelta, bestMonoclinicBeta, nproc);
        progress.log(BravaisSettings.table(s));
        progress.log(BravaisSettings.chiralSpaceGroups(s));
        return s;
    }

    /** bravais_summary.json as DIALS writes it. */
    public static String summaryJson(List<BravaisSettings.Setting> settings) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        for (BravaisSettings.Setting s : settings) {
            ObjectNode n = root.putObject(String.valueOf(s.number()));
            n.put("max_angular_difference", s.maxDelta());
            n.put("rmsd", s.rmsd());
            n.put("nspots", s.nSpots());
            n.put("bravais", s.bravais());
            UnitCell c = s.cell();
            var uc = n.putArray("unit_cell");
            for (double x : c.toArray()) uc.add(x);
            n.put("cb_op", s.cbOp().toString());
            if (Double.isNaN(s.maxCc())) { n.putNull("max_cc"); n.putNull("min_cc"); }
            else { n.put("max_cc", s.maxCc()); n.put("min_cc", s.minCc()); }
            n.put("recommended", s.recommended());
        }
        try {
            return m.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (Exception e) {
            throw new XtalException("could not write bravais_summary.json: " + e.getMessage(), e);
        }
    }
}
