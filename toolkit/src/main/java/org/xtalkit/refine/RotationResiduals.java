package org.xtalkit.refine;

import org.xtalkit.geometry.RotationPredictor;
import org.xtalkit.math.Mat3;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Goniometer;

import java.util.ArrayList;
import java.util.List;

/**
 * Residuals (X, Y, φ: calculated minus observed, mm and rad) of a rotation experiment and their
 * analytical derivatives with respect to every free parameter of the beam, crystal orientation,
 * unit cell and detector parameterisations (the prediction equations of Waterman et al. 2016):
 *
 * <pre>
 *   r = S R(φ) F U B h,  s1 = s0 + r,  dφ/dp = -(r·ds0 + s1·∂r/∂p) / (s1·(e×r))
 *   ds1 = ds0 + ∂r/∂p + (e×r) dφ,  v = D s1,  X = v0/v2, Y = v1/v2,  dD = -D dd D
 * </pre>
 */
public final class RotationResiduals implements LevenbergMarquardt.Problem {
    private final Observations obs;
    private final BeamParameterisation beam;
    private final CrystalModel crystal;
    private final ModelParameterisation orientation, cell;
    private final double phiStart, phiWidth;
    private final DetectorParameterisation[] panels;
    private final Mat3 fixed, setting;
    private final Vec3 axis, axisLab;
    private static final double BLOCK_WIDTH = Math.toRadians(1.0);
    private final ParameterVector vector;
    private final List<ModelParameterisation> all;

    /**
     * @param phiStart φ (rad) at frame 0 of the scan, and
     * @param phiWidth φ (rad) per frame: a scan-varying crystal is evaluated at each reflection's frame
     */
    public RotationResiduals(Observations obs, BeamParameterisation beam, CrystalModel crystal,
                             DetectorParameterisation[] panels, Goniometer goniometer, double phiStart, double phiWidth) {
        this(obs, beam, crystal, panels, goniometer.fixedRotation(), goniometer.settingRotation(),
                goniometer.rotationAxis(), phiStart, phiWidth, ownVector(beam, crystal, panels));
    }

    /**
     * One experiment of a joint refinement: its Jacobian has a column for every free parameter of
     * {@code vector}, zero for the models this experiment does not use.
     */
    public RotationResiduals(Observations obs, BeamParameterisation beam, CrystalModel crystal,
                             DetectorParameterisation[] panels, Goniometer goniometer, double phiStart, double phiWidth,
                             ParameterVector vector) {
        this(obs, beam, crystal, panels, goniometer.fixedRotation(), goniometer.settingRotation(),
                goniometer.rotationAxis(), phiStart, phiWidth, vector);
    }

    /** A single experiment's vector, labelled as a joint refinement labels its first models (SharedModels). */
    private static ParameterVector ownVector(BeamParameterisation beam, CrystalModel crystal, DetectorParameterisation[] panels) {
        List<ModelParameterisation> models = new ArrayList<>(List.of(beam, crystal.orientation(), crystal.cell()));
        List<String> labels = new ArrayList<>(List.of("Beam1", "Crystal1", "Crystal1"));
        for (int k = 0; k < panels.length; k++)
            if (!models.contains(panels[k])) { models.add(panels[k]); labels.add("Detector1" + (panels.length > 1 ? "Panel" + k : "")); }
        return new ParameterVector(models, labels);
    }

    public ParameterVector vector() { return vector; }

    public Observations observations() { return obs; }

    public List<ModelParameterisation> parameterisations() { return all; }

    public CrystalModel crystal() { return crystal; }

    /** The same models (shared parameterisations) over other reflections. */
    public RotationResiduals withObservations(Observations other) {
        return new RotationResiduals(other, beam, crystal, panels, fixed, setting, axis, phiStart, phiWidth, vector);
    }

    private RotationResiduals(Observations obs, BeamParameterisation beam, CrystalModel crystal, DetectorParameterisation[] panels,
                              Mat3 fixed, Mat3 setting, Vec3 axis, double phiStart, double phiWidth,
                              ParameterVector vector) {
        this.obs = obs;
        this.beam = beam;
        this.crystal = crystal;
        this.orientation = crystal.orientation();
        this.cell = crystal.cell();
        this.phiStart = phiStart;
        this.phiWidth = phiWidth;
        this.panels = panels.clone();
        this.fixed = fixed;
        this.setting = setting;
        this.axis = axis;
        this.axisLab = setting.times(axis);
        this.vector = vector;
        this.all = vector.models();
    }

    @Override public int parameterCount() { return vector.count(); }
    @Override public double[] parameters() { return vector.get(); }
    @Override public void setParameters(double[] p) { vector.set(p); }

    /** Names of the free parameters in order, e.g. "Beam1.Mu2", "Crystal1.Phi2", "Crystal1.a", "Detector1.Dist" (DIALS' labels). */
    public List<String> parameterNames() { return vector.names(); }

    /** Calculated (X mm, Y mm, φ rad) per reflection (3n); NaN where no prediction exists. */
    public double[] predict() {
        return evaluateInto(false, null, null).calc;
    }

    @Override public LevenbergMarquardt.Evaluation evaluate(boolean withJacobian) {
        int n = obs.size();
        double[] r = new double[3 * n], w = new double[3 * n];
        double[] jac = withJacobian ? new double[3 * n * parameterCount()] : null;
        Internal in = evaluateInto(withJacobian, r, jac);
        double[] var = obs.variances();
        for (int i = 0; i < 3 * n; i++) w[i] = in.ok[i / 3] && var[i] > 0 ? 1 / var[i] : 0;
        return new LevenbergMarquardt.Evaluation(r, w, jac);
    }

    private record Internal(double[] calc, boolean[] ok) {}

    private Internal evaluateInto(boolean withJacobian, double[] residuals, double[] jac) {
        int n = obs.size(), np = parameterCount();
        double[] calc = new double[3 * n];
        boolean[] ok = new boolean[n];
        Vec3 s0 = beam.s0();
        Vec3 s0Datum = setting.transpose().times(s0);
        double[] axisArr = axis.toArray(), s0DatumArr = s0Datum.toArray();
        double s0Length2 = s0.dot(s0);
        Mat3[] dPanelD = new Mat3[panels.length];
        for (int p = 0; p < panels.length; p++) dPanelD[p] = panels[p].d().inverse();
        int[] hkl = obs.miller();
        double[] xo = obs.xyzObs();
        for (int i = 0; i < n; i++) {
            Vec3 h = new Vec3(hkl[3 * i], hkl[3 * i + 1], hkl[3 * i + 2]);
            crystal.at(blockCentre(xo[3 * i + 2]));
            Mat3 b = crystal.B(), fu = fixed.times(crystal.U());
            Vec3 bh = b.times(h);
            Vec3 x = fu.times(bh);
            double[] phis = new double[2];
            if (!RotationPredictor.crossings(x.x(), x.y(), x.z(), axisArr, s0DatumArr, s0Length2, phis)) phis = null;
            int pi = obs.panel()[i];
            if (phis == null) { fillNaN(calc, residuals, i); continue; }
            double phiObs = xo[3 * i + 2];
            double p0 = RotationPredictor.nearest(phis[0], phiObs), p1 = RotationPredictor.nearest(phis[1], phiObs);
            double phi = Math.abs(p0 - phiObs) <= Math.abs(p1 - phiObs) ? p0 : p1;
            Mat3 rphi = setting.times(Mat3.rotation(axis, phi));
            Vec3 r = rphi.times(x);
            Vec3 s1 = s0.plus(r);
            Mat3 dInv = dPanelD[pi];
            Vec3 v = dInv.times(s1);
            if (v.z() <= 0) { fillNaN(calc, residuals, i); continue; }
            double xc = v.x() / v.z(), yc = v.y() / v.z();
            calc[3 * i] = xc;
            calc[3 * i + 1] = yc;
            calc[3 * i + 2] = phi;
            ok[i] = true;
            if (residuals != null) {
                residuals[3 * i] = xc - xo[3 * i];
                residuals[3 * i + 1] = yc - xo[3 * i + 1];
                residuals[3 * i + 2] = phi - phiObs;
            }
            if (!withJacobian) continue;
            Vec3 exr = axisLab.cross(r);
            double denom = s1.dot(exr);
            int k = 0;
            for (ModelParameterisation m : all) {
                for (int j = 0; j < m.size(); j++) {
                    if (!m.isFree(j)) continue;
                    Vec3 ds0 = Vec3.ZERO, drp = Vec3.ZERO;
                    Mat3 dd = null;
                    if (m == beam) ds0 = beam.ds0(j);
                    else if (m == orientation) {
                        Mat3 du = crystal.dU(j);
                        if (du != null) drp = rphi.times(fixed.times(du.times(bh)));
                    } else if (m == cell) {
                        Mat3 db = crystal.dB(j);
                        if (db != null) drp = rphi.times(fu.times(db.times(h)));
                    }
                    else if (m == panels[pi]) dd = panels[pi].dd(j);
                    double dphi = -(r.dot(ds0) + s1.dot(drp)) / denom;
                    Vec3 ds1 = ds0.plus(drp).plus(exr.times(dphi));
                    Vec3 dv = dInv.times(ds1);
                    if (dd != null) dv = dv.minus(dInv.times(dd.times(v)));
                    int row = 3 * i * np;
                    jac[row + k] = (dv.x() - xc * dv.z()) / v.z();
                    jac[row + np + k] = (dv.y() - yc * dv.z()) / v.z();
                    jac[row + 2 * np + k] = dphi;
                    k++;
                }
            }
        }
        return new Internal(calc, ok);
    }

    /**
     * The frame at which a scan-varying crystal is composed for a reflection at φ: the centre of its
     * 1° block from the scan start (DIALS' compose_model_per=block, block_width=1.0).
     */
    private double blockCentre(double phi) {
        double block = Math.floor((phi - phiStart) / BLOCK_WIDTH);
        return (block + 0.5) * BLOCK_WIDTH / phiWidth;
    }

    private static void fillNaN(double[] calc, double[] residuals, int i) {
        for (int c = 0; c < 3; c++) {
            calc[3 * i + c] = Double.NaN;
            if (residuals != null) residuals[3 * i + c] = 0;
        }
    }
}
