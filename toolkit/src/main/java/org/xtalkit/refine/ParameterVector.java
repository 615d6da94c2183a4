package org.xtalkit.refine;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameter vector of one refinement: the free values of its parameterisations, in order, each
 * parameterisation once even when several experiments share it (one detector for all sweeps). Labels
 * name the parameters as DIALS prints them ("Beam1", "Crystal1", "Detector1" ...).
 */
public record ParameterVector(List<ModelParameterisation> models, List<String> labels) {
    public ParameterVector {
        models = List.copyOf(models);
        labels = List.copyOf(labels);
        if (models.size() != labels.size()) throw new IllegalArgumentException("one label per parameterisation");
    }

    public int count() {
        int n = 0;
        for (ModelParameterisation m : models) n += m.freeCount();
        return n;
    }

    public double[] get() {
        double[] p = new double[count()];
        int k = 0;
        for (ModelParameterisation m : models)
            for (int i = 0; i < m.size(); i++) if (m.isFree(i)) p[k++] = m.value(i);
        return p;
    }

    public void set(double[] p) {
        int k = 0;
        for (ModelParameterisation m : models) {
            double[] v = m.values();
            for (int i = 0; i < m.size(); i++) if (m.isFree(i)) v[i] = p[k++];
            m.setValues(v);
        }
    }

    /** Names of the free parameters in order, e.g. "Beam1.Mu2", "Crystal1.Phi2", "Detector1.Dist". */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < models.size(); j++) {
            ModelParameterisation m = models.get(j);
            for (int i = 0; i < m.size(); i++) if (m.isFree(i)) names.add(labels.get(j) + "." + m.name(i));
        }
        return names;
    }
}
