package org.xtalkit.refine;

import org.xtalkit.model.Beam;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.Detector;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.Panel;
import org.xtalkit.spacegroup.SpaceGroup;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameterisations of an experiment list as DIALS builds them: one per distinct model, so
 * experiments that share a beam, a detector or a crystal (by identity, as the .expt shares them)
 * share its parameters. Each experiment keeps its own goniometer and scan.
 */
final class SharedModels {
    final BeamParameterisation[] beam;
    final StaticCrystal[] crystal;
    final DetectorParameterisation[][] panels;
    private final List<Experiment> experiments;
    private final Refiner.Options opt;
    private final List<BeamParameterisation> beams = new ArrayList<>();
    private final List<StaticCrystal> crystals = new ArrayList<>();
    private final List<DetectorParameterisation[]> detectors = new ArrayList<>();

    SharedModels(List<Experiment> experiments, Refiner.Options opt) {
        this.experiments = experiments;
        this.opt = opt;
        int n = experiments.size();
        beam = new BeamParameterisation[n];
        crystal = new StaticCrystal[n];
        panels = new DetectorParameterisation[n][];
        Map<Beam, BeamParameterisation> byBeam = new IdentityHashMap<>();
        Map<Crystal, StaticCrystal> byCrystal = new IdentityHashMap<>();
        Map<Detector, DetectorParameterisation[]> byDetector = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            Experiment e = experiments.get(i);
            beam[i] = byBeam.computeIfAbsent(e.beam(), b -> add(beams, beamOf(b, e)));
            crystal[i] = byCrystal.computeIfAbsent(e.crystal(), c -> add(crystals, crystalOf(c.U(), c.unitCell(), c)));
            panels[i] = byDetector.computeIfAbsent(e.detector(), d -> add(detectors, detectorOf(d)));
        }
    }

    private static <T> T add(List<T> list, T t) { list.add(t); return t; }

    private BeamParameterisation beamOf(Beam b, Experiment first) {
        // a shared beam takes its Mu1/Mu2 axes from the first experiment's goniometer, as DIALS
        BeamParameterisation p = new BeamParameterisation(b, first.goniometer());
        opt.fixBeam().forEach(p::fixMatching);
        return p;
    }

    private StaticCrystal crystalOf(org.xtalkit.math.Mat3 u, org.xtalkit.model.UnitCell cell, Crystal c) {
        LatticeConstraint lc = opt.constraint() != null ? opt.constraint()
                : LatticeConstraint.forSpaceGroup(SpaceGroup.fromHall(c.spaceGroupHall()));
        CrystalOrientationParameterisation ori = new CrystalOrientationParameterisation(u);
        UnitCellParameterisation uc = new UnitCellParameterisation(cell, lc);
        if (opt.fixCrystal().contains("cell")) uc.fixAll();
        if (opt.fixCrystal().contains("orientation")) ori.fixAll();
        return new StaticCrystal(ori, uc);
    }

    private DetectorParameterisation[] detectorOf(Detector det) {
        DetectorParameterisation[] p = new DetectorParameterisation[det.size()];
        for (int k = 0; k < det.size(); k++) {
            p[k] = new DetectorParameterisation(det.panel(k));
            // multi-panel detectors stay fixed until a hierarchical parameterisation exists
            if (det.size() > 1 || opt.fixDetector().contains("all")) p[k].fixAll();
            else for (String f : opt.fixDetector()) p[k].fixMatching(f);
        }
        return p;
    }

    /**
     * For scan-varying refinement every experiment gets its own crystal, starting from the refined
     * static one (DIALS splits a shared crystal: each sweep's crystal may change in its own way).
     */
    StaticCrystal[] splitCrystals() {
        StaticCrystal[] out = new StaticCrystal[crystal.length];
        for (int i = 0; i < out.length; i++) {
            StaticCrystal s = crystal[i];
            out[i] = crystalOf(s.U(), s.cell().unitCell(), experiments.get(i).crystal());
            copyFixes(s.orientation(), out[i].orientation());
            copyFixes(s.cell(), out[i].cell());
        }
        return out;
    }

    private static void copyFixes(ModelParameterisation from, ModelParameterisation to) {
        for (int k = 0; k < from.size(); k++) if (!from.isFree(k)) to.fix(from.name(k));
    }

    /** The parameter vector: beams, then crystals (orientation, cell), then detectors, labelled 1.. as DIALS. */
    ParameterVector vector(CrystalModel[] crystalModels) {
        List<ModelParameterisation> models = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < beams.size(); i++) { models.add(beams.get(i)); labels.add("Beam" + (i + 1)); }
        List<CrystalModel> seen = new ArrayList<>();
        for (CrystalModel c : crystalModels) {
            if (seen.stream().anyMatch(s -> s == c)) continue;
            seen.add(c);
            models.add(c.orientation());
            labels.add("Crystal" + seen.size());
            models.add(c.cell());
            labels.add("Crystal" + seen.size());
        }
        for (int d = 0; d < detectors.size(); d++)
            for (int k = 0; k < detectors.get(d).length; k++) {
                models.add(detectors.get(d)[k]);
                labels.add("Detector" + (d + 1) + (detectors.get(d).length > 1 ? "Panel" + k : ""));
            }
        return new ParameterVector(models, labels);
    }

    /** The refined beam, detector (each once, so shared models stay shared) of every experiment. */
    Beam[] refinedBeams() {
        Map<BeamParameterisation, Beam> done = new IdentityHashMap<>();
        Beam[] out = new Beam[beam.length];
        for (int i = 0; i < out.length; i++) out[i] = done.computeIfAbsent(beam[i], BeamParameterisation::beam);
        return out;
    }

    Detector[] refinedDetectors() {
        Map<DetectorParameterisation[], Detector> done = new IdentityHashMap<>();
        Detector[] out = new Detector[panels.length];
        for (int i = 0; i < out.length; i++) {
            Detector det = experiments.get(i).detector();
            out[i] = done.computeIfAbsent(panels[i], p -> {
                List<Panel> np = new ArrayList<>();
                for (DetectorParameterisation dp : p) np.add(dp.panel());
                return det.withPanels(np);
            });
        }
        return out;
    }
}
