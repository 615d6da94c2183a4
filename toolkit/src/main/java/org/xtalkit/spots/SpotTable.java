package org.xtalkit.spots;

import org.xtalkit.XtalException;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.ExperimentList;
import org.xtalkit.model.Panel;
import org.xtalkit.model.Scan;
import org.xtalkit.table.Flag;
import org.xtalkit.table.ReflectionTable;
import org.xtalkit.table.Shoebox;

import java.util.ArrayList;
import java.util.List;

/**
 * Strong spots as the reflection table dials.find_spots writes (strong.refl): id, panel, bbox,
 * xyzobs.px.value/variance, intensity.sum.value/variance, shoebox, flags (strong), n_signal, and
 * xyzobs.mm.value/variance (pixel -> mm with the panel's parallax correction, frame -> radians).
 */
public final class SpotTable {
    private final List<Spot> spots = new ArrayList<>();
    private final List<Integer> ids = new ArrayList<>();
    private final java.util.TreeMap<Integer, String> identifiers = new java.util.TreeMap<>();

    /**
     * Adds the spots of one image set. As DIALS: a spot belongs to the experiment of the image set
     * whose scan covers its z (z0 &lt; z &lt; z1); without scans every spot gets the image set index.
     */
    public void add(List<Spot> found, ExperimentList experiments, List<Integer> members, int imageSetIndex) {
        for (Spot s : found) {
            double z = s.xyz()[2];
            int id = -1;
            for (int i : members) {
                Scan scan = experiments.get(i).scan();
                if (scan == null) { id = imageSetIndex; break; }
                if (z > scan.firstImage() - 1 && z < scan.lastImage()) { id = i; break; }
            }
            if (id < 0) throw new XtalException("spot at z=" + z + " lies in no experiment's scan");
            spots.add(s);
            ids.add(id);
            String ident = experiments.get(members.contains(id) ? id : members.get(0)).identifier();
            if (ident != null && !ident.isEmpty()) identifiers.put(id, ident);
        }
    }

    public ReflectionTable build(ExperimentList experiments, boolean withShoeboxes) {
        int n = spots.size();
        ReflectionTable t = new ReflectionTable(n);
        int[] bbox = t.newInt6("bbox");
        long[] flags = t.flags();
        int[] id = t.newInts("id");
        double[] iv = t.newDoubles("intensity.sum.value"), ivar = t.newDoubles("intensity.sum.variance");
        int[] nSignal = t.newInts("n_signal");
        long[] panel = t.newSizes("panel");
        Shoebox[] sb = withShoeboxes ? t.newShoeboxes("shoebox") : null;
        double[] xyz = t.newVec3("xyzobs.px.value"), var = t.newVec3("xyzobs.px.variance");
        double[] mm = t.newVec3("xyzobs.mm.value"), mmVar = t.newVec3("xyzobs.mm.variance");
        for (int i = 0; i < n; i++) {
            Spot s = spots.get(i);
            System.arraycopy(s.bbox(), 0, bbox, 6 * i, 6);
            flags[i] = Flag.STRONG.bits;
            id[i] = ids.get(i);
            iv[i] = s.intensity();
            ivar[i] = Math.abs(s.intensity());
            nSignal[i] = s.nSignal();
            panel[i] = s.panel();
            if (sb != null) sb[i] = s.shoebox();
            System.arraycopy(s.xyz(), 0, xyz, 3 * i, 3);
            System.arraycopy(s.variance(), 0, var, 3 * i, 3);
            Experiment e = experiments.get(Math.min(id[i], experiments.size() - 1));
            Panel p = e.detector().panel(s.panel());
            double[] xy = p.pixelToMm(s.xyz()[0], s.xyz()[1]);
            Scan scan = e.scan();
            double width = scan == null ? 0 : Math.toRadians(scan.oscillationWidth());
            mm[3 * i] = xy[0];
            mm[3 * i + 1] = xy[1];
            mm[3 * i + 2] = scan == null ? 0 : Math.toRadians(scan.angleFromFrame(s.xyz()[2] - (scan.firstImage() - 1)));
            mmVar[3 * i] = s.variance()[0] * p.pixelSizeFast() * p.pixelSizeFast();
            mmVar[3 * i + 1] = s.variance()[1] * p.pixelSizeSlow() * p.pixelSizeSlow();
            mmVar[3 * i + 2] = s.variance()[2] * width * width;
        }
        identifiers.forEach(t::setIdentifier);
        return t;
    }
}
