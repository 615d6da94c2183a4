package org.xtalkit.step.merge;

import org.xtalkit.io.mtz.Mtz;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.merge.ScaledInput;
import org.xtalkit.merge.ScaledIntensities;
import org.xtalkit.model.Crystal;
import org.xtalkit.model.Experiment;
import org.xtalkit.model.UnitCell;
import org.xtalkit.spacegroup.ReciprocalAsu;
import org.xtalkit.spacegroup.SpaceGroup;
import org.xtalkit.table.ReflectionTable;

import java.util.ArrayList;
import java.util.List;

/**
 * dials.export's unmerged scaled.mtz: H K L (ASU) M/ISYM BATCH I SIGI SCALEUSED SIGSCALEUSED BG SIGBG
 * FRACTIONCALC XDET YDET ROT LP QE, one batch header per image of every sweep (each image's own
 * orientation and cell at its centre for a scan-varying crystal, as dials.export writes them;
 * geometry in the Cambridge frame: X along the beam, Z along the rotation axis, U as Mosflm's).
 */
public final class UnmergedMtz {
    private UnmergedMtz() {}

    public static Mtz of(ScaledInput in, ScaledIntensities data) {
        ReflectionTable t = in.reflections();
        SpaceGroup sg = in.spaceGroup();
        UnitCell cell = in.medianCell();
        int n = data.size();
        int[] offsets = BatchOffsets.of(in.experiments().experiments());
        // DIALS writes the rows experiment by experiment
        int[] order = java.util.stream.IntStream.range(0, n).boxed()
                .sorted(java.util.Comparator.comparingInt(q -> data.id()[q])).mapToInt(Integer::intValue).toArray();
        String[] names = {"H", "K", "L", "M/ISYM", "BATCH", "I", "SIGI", "SCALEUSED", "SIGSCALEUSED", "BG", "SIGBG",
                "FRACTIONCALC", "XDET", "YDET", "ROT", "LP", "QE"};
        char[] types = {'H', 'H', 'H', 'Y', 'B', 'J', 'Q', 'R', 'R', 'R', 'R', 'R', 'R', 'R', 'R', 'R', 'R'};
        float[][] c = new float[names.length][n];
        ReciprocalAsu asu = sg.reciprocalAsu();
        double[] obs = t.vec3("xyzobs.px.value"), cal = t.has("xyzcal.px") ? t.vec3("xyzcal.px") : obs;
        double[] isf = t.doubles("inverse_scale_factor");
        double[] isfVar = t.has("inverse_scale_factor_variance") ? t.doubles("inverse_scale_factor_variance") : null;
        double[] bg = t.has("background.sum.value") ? t.doubles("background.sum.value") : null;
        double[] bgVar = t.has("background.sum.variance") ? t.doubles("background.sum.variance") : null;
        double[] lp = t.has("lp") ? t.doubles("lp") : null;
        double[] qe = t.has("qe") ? t.doubles("qe") : t.has("dqe") ? t.doubles("dqe") : null;
        int[] o = new int[3];
        for (int r = 0; r < n; r++) {
            int q = order[r], row = data.row()[q], id = data.id()[q];
            Experiment e = in.experiments().get(id);
            int isym = asu.toAsu(data.hkl()[3 * q], data.hkl()[3 * q + 1], data.hkl()[3 * q + 2], o);
            c[0][r] = o[0]; c[1][r] = o[1]; c[2][r] = o[2];
            c[3][r] = isym;
            c[4][r] = (float) (Math.floor(obs[3 * row + 2]) + 1 + offsets[id]);
            c[5][r] = (float) data.i()[q];
            c[6][r] = (float) data.sigma()[q];
            c[7][r] = (float) isf[row];
            c[8][r] = isfVar == null ? 0 : (float) Math.sqrt(isfVar[row]);
            c[9][r] = bg == null ? 0 : (float) bg[row];
            c[10][r] = bgVar == null ? 0 : (float) Math.sqrt(bgVar[row]);
            c[11][r] = (float) data.partiality()[q];
            c[12][r] = (float) obs[3 * row];
            c[13][r] = (float) obs[3 * row + 1];
            c[14][r] = (float) (e.scan() == null ? cal[3 * row + 2] : e.scan().angleFromFrame(cal[3 * row + 2]));
            c[15][r] = lp == null ? 1 : (float) lp[row];
            c[16][r] = qe == null ? 1 : (float) qe[row];
        }
        List<Mtz.Column> cols = new ArrayList<>();
        for (int k = 0; k < names.length; k++) cols.add(new Mtz.Column(names[k], types[k], 1, c[k]));
        List<Mtz.Batch> batches = new ArrayList<>();
        double wavelength = in.experiments().get(0).beam().wavelength();
        for (int x = 0; x < in.experiments().size(); x++) batches.addAll(batches(in.experiments().get(x), offsets[x], 1));
        return new Mtz("From xtalkit export", cell, sg,
                List.of(new Mtz.Dataset(1, "DIALS", "XTAL", "FROMDIALS", cell, wavelength)), cols, batches, List.of());
    }

    /** One orientation header per image, as dials.export fills them (static crystal model). */
    static List<Mtz.Batch> batches(Experiment e, int offset, int datasetId) {
        List<Mtz.Batch> out = new ArrayList<>();
        if (e.scan() == null) return out;
        Vec3 axis = e.goniometer() != null ? e.goniometer().rotationAxis() : new Vec3(1, 0, 0);
        Vec3 s0 = e.beam().s0().normalize();
        // Cambridge frame: Z along the rotation axis, X along the beam (made perpendicular to Z)
        Vec3 z = axis.normalize(), x = s0.minus(z.times(s0.dot(z))).normalize(), y = z.cross(x);
        Mat3 toCam = Mat3.ofRows(x, y, z);
        Mat3 sf = e.goniometer() != null ? e.goniometer().settingRotation().times(e.goniometer().fixedRotation()) : Mat3.IDENTITY;
        Mat3 ubStatic = toCam.times(sf).times(e.crystal().A());
        UnitCell ucStatic = e.crystal().unitCell();
        boolean varying = e.crystal().isScanVarying() && e.goniometer() != null;
        Vec3 source = toCam.times(e.beam().direction().normalize());
        var panel = e.detector().panels().get(0);
        var g = e.goniometer();
        String axisName = g != null && !g.names().isEmpty() && g.scanAxis() >= 0 && g.scanAxis() < g.names().size()
                ? g.names().get(g.scanAxis()) : "AXIS";
        for (int img = e.scan().firstImage(); img <= e.scan().lastImage(); img++) {
            int[] ints = new int[29];
            float[] f = new float[156];
            ints[0] = 185; ints[1] = 29; ints[2] = 156;
            for (int k = 4; k < 10; k++) ints[k] = -1;   // lbcell: cell not refined per batch
            ints[12] = 1;        // ncryst
            ints[14] = 2;        // ldtype: 3D (rotation)
            ints[15] = 1;        // jsaxs: scan axis
            ints[17] = 1;        // ngonax
            ints[19] = 1;        // ndet
            ints[20] = datasetId;
            UnitCell uc = ucStatic;
            Mat3 ub = ubStatic;
            if (varying) {
                Mat3[] centre = frameCentre(e, img - e.scan().firstImage());
                uc = UnitCell.fromVectors(centre[1].transpose().inverse().column(0), centre[1].transpose().inverse().column(1),
                        centre[1].transpose().inverse().column(2));
                ub = toCam.times(centre[2]);
            }
            Mat3 u = ub.times(mosflmB(uc).inverse());
            double[] p = uc.toArray();
            for (int k = 0; k < 6; k++) f[k] = (float) p[k];
            for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) f[6 + 3 * i + j] = (float) u.get(j, i);  // column-major
            double start = e.scan().angleFromFrame(img - e.scan().firstImage()), width = e.scan().oscillationWidth();
            f[36] = (float) start;
            f[37] = (float) (start + width);
            f[38] = 0; f[39] = 0; f[40] = 1;                 // scanax (Cambridge frame)
            f[43] = 1;                                       // bscale
            f[47] = (float) width;
            f[59] = 0; f[60] = 0; f[61] = 1;                 // e1 = scanax
            int iMin = source.x() <= source.y() && source.x() <= source.z() ? 0 : source.y() <= source.z() ? 1 : 2;
            f[80 + iMin] = -1;                               // idealised source vector
            f[83] = (float) source.x(); f[84] = (float) source.y(); f[85] = (float) source.z();
            f[86] = (float) e.beam().wavelength();
            f[111] = (float) panel.distance();
            f[113] = 0; f[114] = panel.imageSizeFast(); f[115] = 0; f[116] = panel.imageSizeSlow();   // detlm
            out.add(new Mtz.Batch(img + offset, "Batch " + (img + offset), ints, f, List.of(axisName)));
        }
        return out;
    }

    /**
     * dials.export's orientation at the centre of image i of a scan-varying crystal: half the
     * rotation from U at scan point i to U at i + 1 applied to the first, B averaged, and the
     * laboratory UB unwound to zero scan angle as R(axis, −φ)·S·R(datum, φ)·F·U·B. DIALS passes the
     * frame-centre angle in degrees where radians are expected; the two rotations cancel whenever
     * the setting rotation S is the identity, and the same numbers are used here so that they
     * agree when it is not. Returns {U, B, unwound UB}.
     */
    static Mat3[] frameCentre(Experiment e, int i) {
        Crystal c = e.crystal();
        Mat3 a0 = c.AAtScanPoint(i), a1 = c.AAtScanPoint(i + 1);
        Mat3 b0 = Crystal.fromA(a0, c.spaceGroupHall()).B(), b1 = Crystal.fromA(a1, c.spaceGroupHall()).B();
        Mat3 u0 = a0.times(b0.inverse()), u1 = a1.times(b1.inverse());
        Mat3 m = u1.times(u0.inverse());
        double cos = Math.max(-1, Math.min(1, (m.get(0, 0) + m.get(1, 1) + m.get(2, 2) - 1) / 2)), angle = Math.acos(cos);
        Vec3 ax = new Vec3(m.get(2, 1) - m.get(1, 2), m.get(0, 2) - m.get(2, 0), m.get(1, 0) - m.get(0, 1));
        Mat3 uc = ax.length() > 0 ? Mat3.rotation(ax, angle / 2).times(u0) : u0;
        Mat3 bc = b0.plus(b1).times(0.5);
        var g = e.goniometer();
        double phiCentre = e.scan().angleFromFrame(i) + e.scan().oscillationWidth() / 2;  // degrees, used as radians (as DIALS)
        Mat3 r = Mat3.rotation(g.rotationAxis(), phiCentre), rLabInv = Mat3.rotation(g.rotationAxisDatum(), -phiCentre);
        Mat3 ub = rLabInv.times(g.settingRotation()).times(r).times(g.fixedRotation()).times(uc).times(bc);
        return new Mat3[] {uc, bc, ub};
    }

    /** Busing & Levy's B (Mosflm's): a* along X, b* in the XY plane. */
    static Mat3 mosflmB(UnitCell c) {
        UnitCell r = c.reciprocal();
        double ca = Math.cos(Math.toRadians(c.alpha()));
        double cbs = Math.cos(Math.toRadians(r.beta())), sbs = Math.sin(Math.toRadians(r.beta()));
        double cgs = Math.cos(Math.toRadians(r.gamma())), sgs = Math.sin(Math.toRadians(r.gamma()));
        return new Mat3(r.a(), r.b() * cgs, r.c() * cbs,
                0, r.b() * sgs, -r.c() * sbs * ca,
                0, 0, 1 / c.c());
    }
}
