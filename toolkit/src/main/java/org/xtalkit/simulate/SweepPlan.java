package org.xtalkit.simulate;

import org.xtalkit.XtalException;
import org.xtalkit.math.Vec3;
import org.xtalkit.model.Goniometer;
import org.xtalkit.step.params.ParamSpec;
import org.xtalkit.step.params.ParamType;
import org.xtalkit.step.params.ParamValues;

import java.util.List;

/**
 * Several sweeps of one crystal, as a data collection with a SmarGon (i04's goniometer: phi and
 * omega along +x, chi along -z, omega scanning; dxtbx's axes for the i04 Eiger 16M; named as DLS NXmx files name them): each sweep
 * sets phi and chi, then scans omega over the same range. The crystal's exposure runs on from one
 * sweep to the next (dose, drift).
 *
 * @param sweeps number of sweeps (1: the single-axis sweep of {@link Simulate#insulin})
 * @param phi    phi of each sweep, degrees
 * @param chi    chi of each sweep, degrees
 */
public record SweepPlan(int sweeps, double[] phi, double[] chi) {
    public static final List<String> AXIS_NAMES = List.of("phi", "chi", "omega");

    public SweepPlan {
        if (sweeps < 1) throw new XtalException("simulate: sweeps=" + sweeps + " must be at least 1");
        if (phi.length != sweeps || chi.length != sweeps)
            throw new XtalException("simulate: sweep.phi and sweep.chi need one angle per sweep (sweeps=" + sweeps
                    + "), got " + phi.length + " and " + chi.length);
        phi = phi.clone();
        chi = chi.clone();
    }

    /**
     * n sweeps with phi stepping by 90° and chi spread over 0..90°: each sweep sees the crystal from
     * another side, so together they fill reciprocal space a single sweep leaves empty.
     */
    public static SweepPlan spread(int n) {
        double[] phi = new double[n], chi = new double[n];
        for (int k = 0; k < n; k++) {
            phi[k] = (90.0 * k) % 360;
            chi[k] = n == 1 ? 0 : 90.0 * k / (n - 1);
        }
        return new SweepPlan(n, phi, chi);
    }

    /** The goniometer of sweep k (0-based): the SmarGon at its phi and chi, omega starting at omegaStart. */
    public Goniometer goniometer(int k, double omegaStart) {
        return Goniometer.multiAxis(List.of(new Vec3(1, 0, 0), new Vec3(0, 0, -1), new Vec3(1, 0, 0)),
                new double[] {phi[k], chi[k], omegaStart}, AXIS_NAMES, 2);
    }

    public static List<ParamSpec> specs() {
        return List.of(
                ParamSpec.of("sweeps", ParamType.INT, "1", "number of sweeps of the crystal, each at its own phi and chi (SmarGon)"),
                ParamSpec.of("sweep.phi", ParamType.FLOATS, "Auto", "phi of each sweep, degrees (Auto: 0, 90, 180, ...)"),
                ParamSpec.of("sweep.chi", ParamType.FLOATS, "Auto", "chi of each sweep, degrees (Auto: spread over 0..90)"));
    }

    public static SweepPlan from(ParamValues v) {
        int n = v.getInt("sweeps");
        SweepPlan spread = spread(n);
        double[] phi = v.doubles("sweep.phi"), chi = v.doubles("sweep.chi");
        return new SweepPlan(n, phi == null ? spread.phi : phi, chi == null ? spread.chi : chi);
    }

    public static SweepPlan parse(String... words) { return from(ParamValues.parse("simulate", specs(), words)); }
}
